package com.chatpay.stack.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The end of a log file, read from the end so that large logs cost nothing. */
public final class LogTail {

    private static final int CHUNK = 16 * 1024;

    private LogTail() {
    }

    /** The last {@code lines} lines of {@code file}; empty if it does not exist. */
    public static List<String> lastLines(Path file, int lines) {
        if (lines <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = length;
            byte[] tail = new byte[0];
            int newlines = 0;
            while (start > 0 && newlines <= lines) {
                int size = (int) Math.min(CHUNK, start);
                start -= size;
                byte[] chunk = new byte[size];
                raf.seek(start);
                raf.readFully(chunk);
                for (byte b : chunk) {
                    if (b == '\n') {
                        newlines++;
                    }
                }
                byte[] joined = Arrays.copyOf(chunk, chunk.length + tail.length);
                System.arraycopy(tail, 0, joined, chunk.length, tail.length);
                tail = joined;
            }
            String text = new String(tail, StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(Arrays.asList(text.split("\\R", -1)));
            if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
                all.remove(all.size() - 1);
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /**
     * The last lines of a log, indented, for an error message; lines of an earlier start (before the last
     * {@link DetachedProcess} header) are left out.
     */
    public static String excerpt(Path file, int lines) {
        List<String> tail = lastLines(file, lines);
        for (int i = tail.size() - 1; i > 0; i--) {
            if (tail.get(i).startsWith(DetachedProcess.LOG_HEADER_PREFIX)) {
                tail = tail.subList(i, tail.size());
                break;
            }
        }
        if (tail.isEmpty()) {
            return "  (" + file + " is empty)";
        }
        StringBuilder text = new StringBuilder();
        for (String line : tail) {
            text.append("  | ").append(line).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** Keeps the previous log as {@code <name>.1} (replacing an older one) so that each start begins a fresh log. */
    public static void rotate(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies what is appended to {@code file} to {@code out} until {@code keepGoing} turns false. */
    public static void follow(Path file, PrintStream out, Duration pollInterval, BooleanSupplier keepGoing)
            throws IOException, InterruptedException {
        long position = Files.isRegularFile(file) ? Files.size(file) : 0;
        byte[] buffer = new byte[CHUNK];
        while (keepGoing.getAsBoolean()) {
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (size < position) {
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    raf.seek(position);
                    int read;
                    while ((read = raf.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        position += read;
                    }
                }
                out.flush();
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
