package com.chatpay.stack;

import java.io.PrintStream;

/** Receives one line per step while the stack starts or stops, so that a developer is never left in silence. */
@FunctionalInterface
public interface ProgressListener {

    void step(String message);

    /** Discards progress. */
    static ProgressListener silent() {
        return message -> {
        };
    }

    /** Prints each step with the time elapsed since this listener was created, e.g. {@code [  3.2s] ...}. */
    static ProgressListener console(PrintStream out) {
        return new ConsoleProgress(out);
    }
}
