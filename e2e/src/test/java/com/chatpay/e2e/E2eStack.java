package com.chatpay.e2e;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackConfig;
import com.chatpay.stack.service.ChatpayService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stack the end-to-end tests run against: started exactly as {@code ./chatpay up} starts it (same code, same
 * service jars, same environment), but on free ports and in its own folder under {@code e2e/target}, so it never
 * collides with a developer's running stack. Started once per test JVM.
 */
final class E2eStack {

    /** How long money waits for a payee on this stack. */
    static final Duration PAYEE_WAIT = Duration.ofSeconds(30);

    private static LocalStack stack;

    private E2eStack() {
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
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
            StackConfig config = StackConfig.builder(project).baseDir(base).randomFreePorts()
                    // money waits 30 s (not 7 days) for a payee, so a test can watch a payment expire
                    .serviceSetting(ChatpayService.PAYMENT, "PAYMENT_PAYEE_WAIT", PAYEE_WAIT.toString())
                    .serviceSetting(ChatpayService.PAYMENT, "CHATPAY_PAYMENTS_EXPIRY_SWEEP_INTERVAL", "PT1S")
                    .build();
            LocalStack.stop(config, ProgressListener.silent());
            // every run starts from empty databases and topics: earlier runs' users and SMS must not leak in
            deleteRecursively(base.resolve("postgres").resolve("data"));
            deleteRecursively(base.resolve("kafka"));
            stack = LocalStack.start(config, ProgressListener.console(System.out));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "e2e-stack-stop"));
        }
        return stack;
    }
}
