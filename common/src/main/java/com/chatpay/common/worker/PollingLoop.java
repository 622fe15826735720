package com.chatpay.common.worker;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A background loop on a Vert.x event loop: runs one batch, runs the next at once while batches find work, waits
 * {@code idle} when one finds none and {@code onError} after a failure (database or Kafka away), logging the
 * failure once and the recovery once. Used by the outbox relay and by notification-service's delivery worker.
 */
public final class PollingLoop {

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<Integer>> batch;
    private final Duration idle;
    private final Duration onError;
    private final Logger log;
    private volatile boolean running;
    private volatile boolean failing;

    /**
     * @param batch one unit of work; its item is how much it did (0: nothing to do, so wait {@code idle})
     */
    public PollingLoop(Vertx vertx, String name, Supplier<Uni<Integer>> batch, Duration idle, Duration onError,
            Logger log) {
        this.vertx = vertx;
        this.name = name;
        this.batch = batch;
        this.idle = idle;
        this.onError = onError;
        this.log = log;
    }

    public void start() {
        running = true;
        schedule(0);
    }

    public void stop() {
        running = false;
    }

    private void schedule(long delayMillis) {
        if (!running) {
            return;
        }
        if (delayMillis <= 0) {
            vertx.runOnContext(v -> runOnce());
        } else {
            vertx.setTimer(delayMillis, id -> runOnce());
        }
    }

    private void runOnce() {
        Uni.createFrom().deferred(batch::get).subscribe().with(count -> {
            if (failing) {
                log.infof("%s recovered", name);
                failing = false;
            }
            schedule(count != null && count > 0 ? 0 : idle.toMillis());
        }, failure -> {
            if (!failing) {
                log.warnf("%s cannot work yet, retrying every %s: %s", name, onError, failure.toString());
                failing = true;
            }
            schedule(onError.toMillis());
        });
    }
}
