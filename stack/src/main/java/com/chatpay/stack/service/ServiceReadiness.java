package com.chatpay.stack.service;

import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackException;
import com.chatpay.stack.process.LogTail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Waits until started services answer {@code /q/health/ready} with UP, failing early if one of them exits. */
public final class ServiceReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration NOTICE_INTERVAL = Duration.ofSeconds(10);
    private static final int LOG_EXCERPT_LINES = 30;

    private ServiceReadiness() {
    }

    /**
     * @param launched the started processes
     * @param port     each service's HTTP port
     * @param logFile  each service's log, quoted (last lines) when it fails
     * @param timeout  how long each may take
     * @param progress told when each is ready, and every 10 s which are still awaited
     * @throws StackException if a service exits or is not ready in time, with the end of its log
     */
    public static void await(Map<ChatpayService, Process> launched, ToIntFunction<ChatpayService> port,
                             Function<ChatpayService, Path> logFile, Duration timeout, ProgressListener progress) {
        HealthProbe health = new HealthProbe();
        Map<ChatpayService, Process> pending = new EnumMap<>(launched);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextNotice = start + NOTICE_INTERVAL.toNanos();
        while (true) {
            for (Iterator<Map.Entry<ChatpayService, Process>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<ChatpayService, Process> entry = it.next();
                ChatpayService service = entry.getKey();
                if (!entry.getValue().isAlive()) {
                    throw new StackException(service.moduleName() + " exited during startup (exit code "
                            + entry.getValue().exitValue() + "). Last lines of " + logFile.apply(service) + ":\n"
                            + LogTail.excerpt(logFile.apply(service), LOG_EXCERPT_LINES));
                }
                if (health.ready(port.applyAsInt(service)) == HealthProbe.Health.UP) {
                    progress.step(service.moduleName() + " ready at http://127.0.0.1:" + port.applyAsInt(service));
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                StringBuilder message = new StringBuilder(names(pending) + " did not become ready within "
                        + timeout.toSeconds() + " s (GET /q/health/ready).");
                for (ChatpayService service : pending.keySet()) {
                    message.append("\nLast lines of ").append(logFile.apply(service)).append(":\n")
                            .append(LogTail.excerpt(logFile.apply(service), LOG_EXCERPT_LINES));
                }
                throw new StackException(message.toString());
            }
            if (now > nextNotice) {
                progress.step("Still waiting for " + names(pending) + " ("
                        + TimeUnit.NANOSECONDS.toSeconds(now - start) + " s)");
                nextNotice = now + NOTICE_INTERVAL.toNanos();
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + names(pending));
            }
        }
    }

    private static String names(Map<ChatpayService, Process> services) {
        List<String> names = new ArrayList<>();
        services.keySet().forEach(s -> names.add(s.moduleName()));
        return String.join(", ", names);
    }
}
