package com.chatpay.stack.process;

import com.chatpay.stack.StackException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and writes {@code run/stack.json}; every write replaces the file atomically. */
public final class StackStateStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public StackStateStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Optional<StackState> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StackException("Could not read the stack state " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(JSON.readValue(text, StackState.class));
        } catch (JsonProcessingException e) {
            throw new StackException("The stack state " + file + " is unreadable (" + e.getOriginalMessage()
                    + "). Check with `ps` that no chatpay process runs, then delete that file.", e);
        }
    }

    public void write(StackState state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(state));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StackException("Could not write the stack state " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("Could not delete the stack state " + file + ": " + e.getMessage(), e);
        }
    }
}
