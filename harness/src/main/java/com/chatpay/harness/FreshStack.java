package com.chatpay.harness;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;

/**
 * A stack for a test suite: started exactly as {@code ./chatpay up} starts it (same code, same service jars, same
 * environment), but on free ports, in its own folder and from empty databases and topics, so that it never collides
 * with a developer's running stack and an earlier run's users and SMS never leak in.
 */
public final class FreshStack {

    private FreshStack() {
    }

    /**
     * Starts a stack under {@code baseDir} after stopping whatever an earlier, interrupted run left there; it stops
     * when the JVM exits. {@code settings} adds the suite's own service settings to the builder.
     */
    public static LocalStack start(Path projectDir, Path baseDir, UnaryOperator<StackConfig.Builder> settings) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackConfig config = settings.apply(StackConfig.builder(projectDir).baseDir(baseDir).randomFreePorts())
                .build();
        LocalStack.stop(config, ProgressListener.silent());
        deleteRecursively(baseDir.resolve("postgres").resolve("data"));
        deleteRecursively(baseDir.resolve("kafka"));
        LocalStack stack = LocalStack.start(config, ProgressListener.console(System.out));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "fresh-stack-stop"));
        return stack;
    }

    /** The project directory Maven passes to a test JVM as {@code chatpay.project.dir}. */
    public static Path projectDir() {
        return Path.of(System.getProperty("chatpay.project.dir", "..")).toAbsolutePath().normalize();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
