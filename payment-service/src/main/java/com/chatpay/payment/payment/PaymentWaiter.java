package com.chatpay.payment.payment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
    private final PaymentsConfig config;

    public PaymentWaiter(Pool pool, PaymentsConfig config) {
        this.pool = pool;
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
        return pool.preparedQuery("SELECT id, payer_id, payee_id, conversation_id, amount_value, currency, message, "
                        + "status, reason, created_at, updated_at FROM payment WHERE id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> toView(rows.iterator().next()));
    }

    private static PaymentView toView(Row row) {
        return new PaymentView(row.getUUID("id"), row.getString("payer_id"), row.getString("payee_id"),
                row.getString("conversation_id"), new Amount(row.getLong("amount_value"), row.getString("currency")),
                row.getString("message"), PaymentStatus.valueOf(row.getString("status")), row.getString("reason"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
