package com.chatpay.notification.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Creates deliveries inside the current Hibernate Reactive transaction: the consuming transaction of an event, so a
 * delivery exists exactly when the event's other effects (notification, inbox record) committed.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** Inserts the delivery unless one with the same dedup key exists; true when inserted. Due at once. */
    public Uni<Boolean> enqueue(NewDelivery delivery, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO delivery (id, channel, dedup_key, user_id, payment_id, payload, status, attempts, "
                                + "next_attempt_at, last_error, event_at, created_at, updated_at) "
                                + "VALUES (:id, :channel, :key, :user, CAST(:payment AS uuid), :payload, :status, 0, "
                                + ":now, CAST(:error AS text), :eventAt, :now, :now) "
                                + "ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING")
                .setParameter("id", UUID.randomUUID())
                .setParameter("channel", delivery.channel().name())
                .setParameter("key", delivery.dedupKey())
                .setParameter("user", delivery.userId())
                .setParameter("payment", delivery.paymentId() == null ? null : delivery.paymentId().toString())
                .setParameter("payload", delivery.payload())
                .setParameter("status", delivery.status().name())
                .setParameter("error", delivery.lastError())
                .setParameter("eventAt", delivery.eventAt())
                .setParameter("now", now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
