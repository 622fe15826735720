package com.chatpay.stack.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only their owner may read: created with mode 600 (folders 700) from the start, replaced atomically. */
public final class SecretFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private SecretFiles() {
    }

    /** Creates the folder (mode 700) if needed and tightens its mode if it exists. */
    public static void ensureOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectory(dir);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        }
    }

    /** Writes {@code content} to {@code file} (mode 600) through a temporary sibling and an atomic rename. */
    public static void write(Path file, String content) throws IOException {
        Path tmp = POSIX
                ? Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates an empty owner-only temporary file in {@code dir}; the caller deletes it. */
    public static Path createTempFile(Path dir, String prefix) throws IOException {
        return POSIX
                ? Files.createTempFile(dir, prefix, ".tmp", ownerOnly())
                : Files.createTempFile(dir, prefix, ".tmp");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }
}
