package com.chatpay.payment.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code Prefer: wait=N}: re-reads a payment every poll interval until it leaves PENDING or the wait ends, without
 * holding a thread (timers between reads). It reads straight from the database, so it also sees transitions made
 * by another instance of the service.
 */
@ApplicationScoped
public class PaymentWaiter {

    private final Pool pool;
    private final PaymentRows rows;
    private final PaymentsConfig config;

    public PaymentWaiter(Pool pool, PaymentRows rows, PaymentsConfig config) {
        this.pool = pool;
        this.rows = rows;
        this.config = config;
    }

    /** The payment once it is no longer PENDING, or as it is when {@code max} has passed. */
    public Uni<PaymentView> awaitDecision(UUID paymentId, Duration max) {
        return poll(paymentId, System.nanoTime() + max.toNanos());
    }

    private Uni<PaymentView> poll(UUID paymentId, long deadline) {
        return read(paymentId).chain(view -> {
            long left = deadline - System.nanoTime();
            if (view.status() != PaymentStatus.PENDING || left <= 0) {
                return Uni.createFrom().item(view);
            }
            // Vert.x timers take whole milliseconds: never ask for less than one
            Duration pause = Duration.ofMillis(Math.max(1,
                    Math.min(Duration.ofNanos(left).toMillis(), config.waitPollInterval().toMillis())));
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause).chain(() -> poll(paymentId, deadline));
        });
    }

    private Uni<PaymentView> read(UUID paymentId) {
        return rows.find(pool, paymentId).map(PaymentView::of);
    }
}
