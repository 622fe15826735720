package com.chatpay.common.worker;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A background loop on a Vert.x event loop: runs one batch, runs the next at once while batches come back full (more
 * may wait), waits {@code idle} after a batch that was not full and {@code onError} after a failure (database or Kafka
 * away), logging the failure once and the recovery once. {@link #wake} cuts an idle wait short (new work was
 * announced), and a wake during a batch runs the next right after it, so {@code idle} is only the fallback should an
 * announcement be lost. A batch that took what there was is not followed by one that would find nothing: under load
 * that empty batch was half of the outbox relay's transactions. A batch that could not run because another worker
 * holds the work ({@link #CONTENDED}: another instance's outbox relay is publishing) is tried again after 10 ms,
 * then after twice as long each time, at most {@code idle}: the other worker's batch may have begun before the work
 * this one was woken for existed. Used by the outbox relay and by notification-service's delivery worker.
 */
public final class PollingLoop {

    /** What a batch returns when it could not run because another worker holds the work. */
    public static final int CONTENDED = -1;
    static final long FIRST_CONTENDED_WAIT_MILLIS = 10;

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<Integer>> batch;
    private final int fullBatch;
    private final Duration idle;
    private final Duration onError;
    private final Logger log;
    private volatile boolean running;
    private volatile boolean failing;
    private long contendedWait; // the wait after the latest contended batch, 0 after one that ran
    // guarded by this: the pending timer (-1: none), whether a batch runs, whether a wake came during it
    private long timer = -1;
    private boolean inBatch;
    private boolean woken;

    /**
     * @param batch one unit of work; its item is how much it did, or {@link #CONTENDED}
     * @param fullBatch the most one batch does: a batch that did that much is followed at once by the next, one that
     *        did less by a wait of {@code idle} (or a wake)
     */
    public PollingLoop(Vertx vertx, String name, Supplier<Uni<Integer>> batch, int fullBatch, Duration idle,
            Duration onError, Logger log) {
        if (fullBatch < 1) {
            throw new IllegalArgumentException("a full batch is at least 1");
        }
        this.vertx = vertx;
        this.name = name;
        this.batch = batch;
        this.fullBatch = fullBatch;
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
        synchronized (this) {
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }

    /**
     * New work exists: if the loop waits out an idle period it runs now; if a batch is running, the next one starts
     * right after it, whatever it found. A wake while failing does not shorten the wait after the failure.
     */
    public void wake() {
        synchronized (this) {
            if (!running) {
                return;
            }
            if (inBatch) {
                woken = true;
                return;
            }
            if (failing || timer == -1 || !vertx.cancelTimer(timer)) {
                return; // failing, already about to run, or the timer has just fired
            }
            timer = -1;
        }
        vertx.runOnContext(v -> runOnce());
    }

    private void schedule(long delayMillis) {
        synchronized (this) {
            if (!running) {
                return;
            }
            if (woken && !failing) {
                delayMillis = 0;
            }
            woken = false;
            if (delayMillis > 0) {
                long[] id = new long[1];
                id[0] = vertx.setTimer(delayMillis, fired -> {
                    synchronized (this) {
                        if (timer != id[0]) {
                            return; // cancelled by a wake that runs the batch itself
                        }
                        timer = -1;
                    }
                    runOnce();
                });
                timer = id[0];
                return;
            }
        }
        vertx.runOnContext(v -> runOnce());
    }

    private void runOnce() {
        synchronized (this) {
            if (!running) {
                return;
            }
            inBatch = true;
        }
        Uni.createFrom().deferred(batch::get).subscribe().with(count -> {
            if (failing) {
                log.infof("%s recovered", name);
                failing = false;
            }
            done(nextDelay(count));
        }, failure -> {
            if (!failing) {
                log.warnf("%s cannot work yet, retrying every %s: %s", name, onError, failure.toString());
                failing = true;
            }
            done(onError.toMillis());
        });
    }

    private long nextDelay(Integer count) {
        if (count != null && count == CONTENDED) {
            contendedWait = Math.min(contendedWait == 0 ? FIRST_CONTENDED_WAIT_MILLIS : contendedWait * 2,
                    idle.toMillis());
            return contendedWait;
        }
        contendedWait = 0;
        return count != null && count >= fullBatch ? 0 : idle.toMillis();
    }

    private void done(long nextDelayMillis) {
        synchronized (this) {
            inBatch = false;
        }
        schedule(nextDelayMillis);
    }
}
