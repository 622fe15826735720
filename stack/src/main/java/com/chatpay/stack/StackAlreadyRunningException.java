package com.chatpay.stack;

import java.nio.file.Path;

/** Thrown by {@link LocalStack#start} when the stack of this base directory already has live processes. */
public final class StackAlreadyRunningException extends StackException {

    private final Path baseDir;

    public StackAlreadyRunningException(Path baseDir) {
        super("The chatpay stack of " + baseDir + " is already running");
        this.baseDir = baseDir;
    }

    public Path baseDir() {
        return baseDir;
    }
}
