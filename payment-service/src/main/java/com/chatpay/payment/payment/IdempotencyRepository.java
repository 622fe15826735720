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

    /** Forgets a record this session loaded (an expired one), so a later {@link #find} reads the database again. */
    public Uni<Void> forget(IdempotencyRecord record) {
        return Panache.getSession().invoke(session -> session.detach(record)).replaceWithVoid();
    }

    /**
     * Claims the key for this request: inserts it, or replaces a record created at or before {@code expiredBefore}
     * (an expired key is a new key). A concurrent transaction holding the same key makes this wait until it ends;
     * then false means the key belongs to a live committed request (read it with {@link #find}).
     */
    public Uni<Boolean> claim(String payerId, String key, String requestHash, UUID paymentId, int status,
            String body, Instant now, Instant expiredBefore) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO idempotency_record (payer_id, idempotency_key, request_hash, payment_id, "
                                + "response_status, response_body, created_at) "
                                + "VALUES (:payer, :key, :hash, :payment, :status, :body, :at) "
                                + "ON CONFLICT (payer_id, idempotency_key) DO UPDATE SET "
                                + "request_hash = EXCLUDED.request_hash, payment_id = EXCLUDED.payment_id, "
                                + "response_status = EXCLUDED.response_status, "
                                + "response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at "
                                + "WHERE idempotency_record.created_at <= :expired")
                .setParameter("payer", payerId)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("payment", paymentId)
                .setParameter("status", status)
                .setParameter("body", body)
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("expired", OffsetDateTime.ofInstant(expiredBefore, ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Deletes up to {@code max} records created at or before {@code expiredBefore}; answers how many it deleted. */
    public Uni<Integer> deleteExpired(Instant expiredBefore, int max) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid FROM idempotency_record "
                                + "WHERE created_at <= :expired LIMIT :max FOR UPDATE SKIP LOCKED)")
                .setParameter("expired", OffsetDateTime.ofInstant(expiredBefore, ZoneOffset.UTC))
                .setParameter("max", max)
                .executeUpdate());
    }
}
