package com.chatpay.stack;

import java.io.PrintStream;
import java.util.Locale;

/** A {@link ProgressListener} printing {@code [elapsed] message} lines. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void step(String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", seconds, message));
        out.flush();
    }
}
