package com.chatpay.payment.payment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    public Uni<IdempotencyRecord> find(String payerId, String key) {
        return findById(new IdempotencyRecord.Key(payerId, key));
    }

    /**
     * Claims the key for this request. A concurrent transaction holding the same key makes this wait until it
     * ends; then false means the key belongs to a committed request (read it with {@link #find}).
     */
    public Uni<Boolean> claim(String payerId, String key, String requestHash, UUID paymentId, int status,
            String body, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO idempotency_record (payer_id, idempotency_key, request_hash, payment_id, "
                                + "response_status, response_body, created_at) "
                                + "VALUES (:payer, :key, :hash, :payment, :status, :body, :at) ON CONFLICT DO NOTHING")
                .setParameter("payer", payerId)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("payment", paymentId)
                .setParameter("status", status)
                .setParameter("body", body)
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
