package com.chatpay.payment.payment;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The payers' Idempotency-Keys, in plain SQL: read and claimed on the connection of the transaction accepting a
 * payment (once per payment, without a Hibernate session), purged in batches.
 */
@ApplicationScoped
public class IdempotencyRepository {

    /** The payer's record of {@code key} as this transaction sees it, or null. */
    public Uni<IdempotencyRecord> find(SqlClient client, String payerId, String key) {
        return client.preparedQuery("SELECT request_hash, payment_id, response_status, response_body, created_at"
                        + " FROM idempotency_record WHERE payer_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(payerId, key))
                .map(rows -> rows.size() == 0 ? null : record(rows.iterator().next()));
    }

    /**
     * Claims the key for this request: inserts it, or replaces a record created at or before {@code expiredBefore}
     * (an expired key is a new key). A concurrent transaction holding the same key makes this wait until it ends;
     * then false means the key belongs to a live committed request (read it with {@link #find}).
     */
    public Uni<Boolean> claim(SqlConnection connection, String payerId, String key, String requestHash,
            UUID paymentId, int status, String body, Instant now, Instant expiredBefore) {
        return connection.preparedQuery("INSERT INTO idempotency_record (payer_id, idempotency_key, request_hash,"
                        + " payment_id, response_status, response_body, created_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        + " ON CONFLICT (payer_id, idempotency_key) DO UPDATE SET"
                        + " request_hash = EXCLUDED.request_hash, payment_id = EXCLUDED.payment_id,"
                        + " response_status = EXCLUDED.response_status,"
                        + " response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at"
                        + " WHERE idempotency_record.created_at <= $8")
                .execute(Tuple.from(new Object[] {payerId, key, requestHash, paymentId, status, body, utc(now),
                        utc(expiredBefore)}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deletes up to {@code max} records created at or before {@code expiredBefore}; answers how many it deleted. */
    public Uni<Integer> deleteExpired(SqlClient client, Instant expiredBefore, int max) {
        return client.preparedQuery("DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid FROM"
                        + " idempotency_record WHERE created_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)")
                .execute(Tuple.of(utc(expiredBefore), max))
                .map(rows -> rows.rowCount());
    }

    private static IdempotencyRecord record(Row row) {
        return new IdempotencyRecord(row.getString("request_hash"), row.getUUID("payment_id"),
                row.getInteger("response_status"), row.getString("response_body"), instant(row, "created_at"));
    }
}
