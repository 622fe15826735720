package com.chatpay.stack.process;

import com.chatpay.stack.StackException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An exclusive lock on a stack's base directory while a command starts or stops it. */
public final class StackLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails at once: another {@code up} or {@code down} of the same stack is running. */
    public static StackLock acquire(Path lockFile) {
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StackException("Another chatpay command is starting or stopping the stack of "
                        + lockFile.getParent().getParent() + "; wait for it to finish.");
            }
            return new StackLock(channel, lock);
        } catch (IOException e) {
            throw new StackException("Could not lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StackException("Could not release " + lock + ": " + e.getMessage(), e);
        }
    }
}
