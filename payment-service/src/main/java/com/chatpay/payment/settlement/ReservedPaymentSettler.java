package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.PaymentsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Settles payments whose limits were reserved, outside the consumer that read the decision. The consumer commits the
 * decision in a few milliseconds (the payment stays PENDING with its card step due, {@code network_retry_at}) and
 * hands the id over here; before, it moved the money through three card-network calls inside its own transaction,
 * and every payment of the partitions it read waited behind the one being settled (about ten payments a second
 * whatever the hardware).
 *
 * Each payment settles on its own duplicated Vert.x context ({@link PaymentSettlement#resumeIfDue}: claimed, the
 * network called with no connection held, the outcome written in a short transaction), at most
 * {@code settlement-concurrency} at once; the others queue (up to {@code settlement-queue}). Nothing is lost when
 * this process stops or the queue is full: the step is recorded as due in the database, and
 * {@link CardNetworkRetrySweeper} runs it once {@code settlement-backstop} has passed. A payment reached by both
 * settles once: each claims the step only while the payment is still PENDING with its step due, only the run whose
 * claim still stands records, and every card-network call is idempotent by the payment id.
 */
@ApplicationScoped
public class ReservedPaymentSettler {

    private static final Logger LOG = Logger.getLogger(ReservedPaymentSettler.class);

    private final PaymentSettlement settlement;
    private final Vertx vertx;
    private final Duration backstop;
    private final Clock clock;
    private final int concurrency;
    private final int queueLimit;
    private final Queue<UUID> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    public ReservedPaymentSettler(PaymentSettlement settlement, Vertx vertx, PaymentsConfig config, Clock clock) {
        this.settlement = settlement;
        this.vertx = vertx;
        this.backstop = config.settlementBackstop();
        this.clock = clock;
        this.concurrency = config.settlementConcurrency();
        this.queueLimit = config.settlementQueue();
    }

    /** Settles the payment soon; call only after the transaction that recorded its step as due has committed. */
    public void submit(UUID paymentId) {
        if (stopped) {
            return;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            LOG.debugf("payment %s: settlement queue full, left to the retry sweeper", paymentId);
            return;
        }
        queue.add(paymentId);
        drain();
    }

    private void drain() {
        while (!stopped) {
            int now = running.get();
            if (now >= concurrency) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            UUID next = queue.poll();
            if (next == null) {
                running.decrementAndGet();
                // a submit between the poll and the decrement found every slot taken: look again
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queued.decrementAndGet();
            start(next);
        }
    }

    private void start(UUID paymentId) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> settle(paymentId).subscribe().with(
                done -> finished(),
                failure -> {
                    LOG.warnf("payment %s: settlement not done yet, the retry sweeper takes it over: %s", paymentId,
                            failure.toString());
                    finished();
                }));
    }

    private void finished() {
        running.decrementAndGet();
        drain();
    }

    Uni<Void> settle(UUID paymentId) {
        // ahead of time: the consumer recorded the step as due at the backstop. A claimed step is due at the claim's
        // end, further ahead (settlement-lease is longer than the backstop): this never takes a claim over
        return settlement.resumeIfDue(paymentId, clock.instant().plus(backstop));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }
}
