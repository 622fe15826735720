package com.chatpay.notification.sms;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Every attempt to hand an SMS to the provider ({@code sms_delivery_attempt}), written in autocommitted statements
 * so that an attempt survives the rollback of the consuming transaction (see {@link SmsDelivery}). Holds no text.
 */
@ApplicationScoped
public class SmsDeliveryAttempts {

    /** Where an attempt stands. */
    public enum Status { SENDING, SENT, FAILED }

    private final Pool pool;

    public SmsDeliveryAttempts(Pool pool) {
        this.pool = pool;
    }

    /** Whether an attempt for this delivery is known to have reached the provider. */
    public Uni<Boolean> alreadySent(String deliveryKey) {
        return pool.preparedQuery("SELECT 1 FROM sms_delivery_attempt WHERE delivery_key = $1 AND status = 'SENT' LIMIT 1")
                .execute(Tuple.of(deliveryKey))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Records a new attempt as SENDING, before the provider is called; numbered 1, 2, … per delivery. */
    public Uni<UUID> start(String deliveryKey, String userId, Instant now) {
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("INSERT INTO sms_delivery_attempt (id, delivery_key, user_id, attempt, status, started_at) "
                        + "SELECT $1, $2, $3, COALESCE(MAX(attempt), 0) + 1, 'SENDING', $4 FROM sms_delivery_attempt "
                        + "WHERE delivery_key = $2")
                .execute(Tuple.of(id, deliveryKey, userId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .replaceWith(id);
    }

    /** Records the outcome of an attempt once the provider answered (or failed to). */
    public Uni<Void> finish(UUID attemptId, Status status, String error, String providerMessageId, Instant now) {
        return pool.preparedQuery("UPDATE sms_delivery_attempt SET status = $2, error = $3, provider_message_id = $4, "
                        + "finished_at = $5 WHERE id = $1")
                .execute(Tuple.of(attemptId, status.name(), error, providerMessageId,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
