package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.PaymentsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Settles payments whose limits were reserved, outside the consumer that read the decision. The consumer's
 * transaction records the decision and claims the payment's card step ({@link #claim}: {@code network_retry_at} set
 * to the claim's end) in a few milliseconds, and once it commits the claimed step comes here; before, the consumer
 * moved the money through three card-network calls inside its own transaction, and every payment of the partitions it
 * read waited behind the one being settled (about ten payments a second whatever the hardware).
 *
 * Each payment settles on its own duplicated Vert.x context ({@link PaymentSettlement#settle}: the network called with
 * no connection held, the outcome written in a short transaction), at most {@code settlement-concurrency} at once;
 * the others queue (up to {@code settlement-queue}). Nothing is lost when this process stops or the queue is full:
 * the claim is in the database, and {@link CardNetworkRetrySweeper} takes the step over once it has lapsed
 * ({@code settlement-lease}). Only the run whose claim still stands records, and every card-network call is
 * idempotent by the payment id.
 */
@ApplicationScoped
public class ReservedPaymentSettler {

    private static final Logger LOG = Logger.getLogger(ReservedPaymentSettler.class);

    private final PaymentSettlement settlement;
    private final Vertx vertx;
    private final int concurrency;
    private final int queueLimit;
    private final Queue<PaymentSettlement.Claim> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    public ReservedPaymentSettler(PaymentSettlement settlement, Vertx vertx, PaymentsConfig config) {
        this.settlement = settlement;
        this.vertx = vertx;
        this.concurrency = config.settlementConcurrency();
        this.queueLimit = config.settlementQueue();
    }

    /**
     * Claims the card step of a payment limits-service has just reserved, in the transaction {@code connection} has
     * begun to record the decision, and settles it once that transaction has committed; nothing if it rolls back.
     * Answers whether it claimed it: false for a payment that no longer awaits its limits decision, or is unknown.
     */
    public Uni<Boolean> claim(SqlConnection connection, UUID paymentId) {
        Transaction transaction = connection.transaction();
        if (transaction == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "a payment's card step is claimed in the transaction that records its reservation"));
        }
        return settlement.claimReserved(connection, paymentId).map(claim -> {
            if (claim == null) {
                return false;
            }
            transaction.getDelegate().completion().onSuccess(committed -> submit(claim));
            return true;
        });
    }

    private void submit(PaymentSettlement.Claim claim) {
        if (stopped) {
            return;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            LOG.debugf("payment %s: settlement queue full, left to the retry sweeper", claim.payment().id());
            return;
        }
        queue.add(claim);
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
            PaymentSettlement.Claim next = queue.poll();
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

    private void start(PaymentSettlement.Claim claim) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> settlement.settle(claim).subscribe().with(
                done -> finished(),
                failure -> {
                    LOG.warnf("payment %s: settlement not done yet, the retry sweeper takes it over: %s",
                            claim.payment().id(), failure.toString());
                    finished();
                }));
    }

    private void finished() {
        running.decrementAndGet();
        drain();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }
}
