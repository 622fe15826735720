package com.chatpay.e2e;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stack the end-to-end tests run against: started exactly as {@code ./chatpay up} starts it (same code, same
 * service jars, same environment), but on free ports and in its own folder under {@code e2e/target}, so it never
 * collides with a developer's running stack. Started once per test JVM.
 */
final class E2eStack {

    private static LocalStack stack;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path project = Path.of(System.getProperty("chatpay.project.dir", "..")).toAbsolutePath().normalize();
            Path base = project.resolve("e2e").resolve("target").resolve("stack");
            try {
                Files.createDirectories(base);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // a previous run killed mid-way may have left processes: stop them first
            StackConfig config = StackConfig.builder(project).baseDir(base).randomFreePorts().build();
            LocalStack.stop(config, ProgressListener.silent());
            stack = LocalStack.start(config, ProgressListener.console(System.out));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "e2e-stack-stop"));
        }
        return stack;
    }
}
