package com.chatpay.harness.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads a process's CPU time and resident memory from Linux's {@code /proc}: {@code /proc/<pid>/stat} (fields 14
 * and 15, utime and stime, in clock ticks) and {@code /proc/<pid>/status} ({@code VmRSS}, in kB). The parsing is
 * separate from the reading so that it can be tested on fixed texts.
 */
public final class ProcStat {

    /** Clock ticks per second of {@code /proc} times: 100 on every Linux this runs on (USER_HZ). */
    public static final long TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in clock ticks. */
    public static long cpuTicks(String stat) {
        // the command name (field 2) is in parentheses and may itself hold spaces and ')': split after the last ')'
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: no command name");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        if (fields.length < 13) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + fields.length
                    + " fields after the name");
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} text in kB; empty for a process without one (a zombie). */
    public static OptionalLong rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                if (parts.length > 1 && !parts[1].equalsIgnoreCase("kB")) {
                    throw new IllegalArgumentException("VmRSS in unexpected unit " + parts[1]);
                }
                return OptionalLong.of(value);
            }
        }
        return OptionalLong.empty();
    }

    /** The CPU ticks of a live process; empty once it has gone. */
    public static OptionalLong readCpuTicks(long pid) {
        try {
            return OptionalLong.of(cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | IllegalArgumentException gone) {
            return OptionalLong.empty();
        }
    }

    /** The resident memory of a live process in kB; empty once it has gone. */
    public static OptionalLong readRssKb(long pid) {
        try {
            return rssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | IllegalArgumentException gone) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether a thread (its {@code /proc/<pid>/task/<tid>/comm} name) is one of HotSpot's JIT compiler threads
     * ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, ... cut to 15 characters by the kernel).
     */
    public static boolean isJitThread(String comm) {
        String name = comm.strip();
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** The command name of a {@code /proc/<pid>/stat} line (field 2, without its parentheses). */
    public static String commandName(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: no command name");
        }
        return stat.substring(open + 1, close);
    }

    /**
     * The CPU ticks a live JVM's JIT compiler threads have used so far (0 for a process that is not a HotSpot JVM or
     * has gone): while they are busy, the JVM is still compiling what the load runs, i.e. not warmed up.
     */
    public static long readJitTicks(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (isJitThread(commandName(stat))) {
                        ticks += cpuTicks(stat);
                    }
                } catch (IOException | IllegalArgumentException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException gone) {
            return ticks;
        }
        return ticks;
    }

    /** Busy and total jiffies of the whole machine from the first line of {@code /proc/stat}. */
    public static long[] machineTicks(String procStat) {
        String first = procStat.lines().findFirst().orElseThrow();
        if (!first.startsWith("cpu ")) {
            throw new IllegalArgumentException("not /proc/stat: " + first);
        }
        String[] f = first.substring(4).trim().split("\\s+");
        long total = 0;
        for (int i = 0; i < Math.min(f.length, 8); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[3]) + (f.length > 4 ? Long.parseLong(f[4]) : 0);
        return new long[] {total - idle, total};
    }

    public static long[] readMachineTicks() {
        try {
            return machineTicks(Files.readString(Path.of("/proc/stat")));
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
