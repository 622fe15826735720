package com.chatpay.stack.process;

import com.chatpay.stack.StackException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts a long-running process that outlives the JVM starting it: in its own session ({@code setsid}, so a
 * Ctrl-C or a closed terminal does not reach it), stdin from {@code /dev/null}, stdout and stderr appended to its
 * log file, and an environment holding only the basics plus what the caller passes (never the caller's whole
 * environment, so that no stray {@code QUARKUS_*} or secret leaks in).
 */
public final class DetachedProcess {

    /** Starts the line written to the log before each start: {@code ---- <instant> starting <name>: <command>}. */
    public static final String LOG_HEADER_PREFIX = "---- ";

    /** Variables taken over from the starting process, if set. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ");
    private static final Path SETSID = findSetsid();

    private DetachedProcess() {
    }

    /**
     * Starts {@code command}. The returned process's pid is that of {@code command} itself: {@code setsid} does
     * not fork when, as here, its caller is not a process-group leader.
     */
    public static Process start(String name, List<String> command, Map<String, String> environment, Path workDir,
                                Path logFile) {
        List<String> fullCommand = new ArrayList<>();
        if (SETSID != null) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(baseEnvironment());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, LOG_HEADER_PREFIX + Instant.now() + " starting " + name + ": "
                            + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return builder.start();
        } catch (IOException e) {
            throw new StackException("Could not start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** The variables every started process gets: PATH, HOME, USER, LOGNAME, LANG, TZ when set, and LC_ALL=C. */
    public static Map<String, String> baseEnvironment() {
        Map<String, String> env = new TreeMap<>();
        for (String name : INHERITED) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LC_ALL", "C");
        return env;
    }

    /** The {@code java} launcher of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
