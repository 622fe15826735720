package com.chatpay.notification.delivery;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import com.chatpay.common.paging.PageCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code delivery} table as a work queue, in single autocommitted statements on the reactive pool (never inside
 * a consuming transaction). Claiming is atomic ({@code FOR UPDATE SKIP LOCKED}), so several worker instances never
 * send the same attempt; every outcome is written only if the row is still at the attempt that was claimed, so a
 * late answer never overwrites a newer attempt.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String COLUMNS = "id, channel, dedup_key, user_id, payment_id, payload, status, attempts, "
            + "next_attempt_at, last_error, event_at, created_at, updated_at, sent_at";

    /**
     * Records an attempt's outcome. {@code $6} is cast where it is the result of the CASE: left to inference there it
     * is text while {@code updated_at = $6} makes it a timestamp, and PostgreSQL rejects the statement ("inconsistent
     * types deduced for parameter $6") each time a connection prepares it, logging an ERROR before the client
     * prepares it again with the types of the values.
     */
    static final String FINISH = "UPDATE delivery SET status = $3, last_error = COALESCE($4, last_error), "
            + "next_attempt_at = $5, updated_at = $6, sent_at = CASE WHEN $3 = 'SENT' THEN $6::timestamptz END "
            + "WHERE id = $1 AND attempts = $2 AND status = 'PENDING'";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due deliveries, oldest due first: counts the attempt and reserves the rows until
     * {@code leaseUntil} (due again then, should this instance die before recording the outcome).
     */
    public Uni<List<Delivery>> claim(int limit, Instant now, Instant leaseUntil) {
        return pool.preparedQuery("UPDATE delivery d SET attempts = d.attempts + 1, next_attempt_at = $2, updated_at = $1 "
                        + "FROM (SELECT id FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= $1 "
                        + "ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due WHERE d.id = due.id "
                        + "RETURNING " + prefixed("d."))
                .execute(Tuple.of(utc(now), utc(leaseUntil), limit))
                .map(DeliveryQueue::deliveries);
    }

    /**
     * Records the outcome of attempt {@code attempt}: the new status, the error (kept from earlier attempts when
     * null) and when the row is next due (PENDING) or was settled (the others). False when the row moved on
     * meanwhile: nothing is written.
     */
    public Uni<Boolean> finish(UUID id, int attempt, DeliveryStatus status, String error, Instant nextAttemptAt,
            Instant now) {
        return pool.preparedQuery(FINISH)
                .execute(Tuple.tuple().addUUID(id).addInteger(attempt).addString(status.name()).addString(error)
                        .addOffsetDateTime(utc(nextAttemptAt)).addOffsetDateTime(utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Deletes SENT and SKIPPED deliveries last updated before {@code before} (FAILED ones stay until ops retry
     * them) and the push simulator's record of the same age; the SMS simulator's record, which holds codes in clear,
     * is kept one day only (codes expire in minutes). Returns how many deliveries it deleted.
     */
    public Uni<Integer> deleteSettledBefore(Instant before, Instant smsBefore) {
        return pool.preparedQuery("DELETE FROM delivery WHERE status IN ('SENT', 'SKIPPED') AND updated_at < $1")
                .execute(Tuple.of(utc(before)))
                .chain(deleted -> pool.preparedQuery("DELETE FROM push_message WHERE sent_at < $1")
                        .execute(Tuple.of(utc(before)))
                        .chain(() -> pool.preparedQuery("DELETE FROM sms_message WHERE sent_at < $1")
                                .execute(Tuple.of(utc(smsBefore))))
                        .replaceWith(deleted.rowCount()));
    }

    /** PENDING deliveries due at {@code now}, per channel. */
    public Uni<Map<DeliveryChannel, Long>> dueBacklog(Instant now) {
        return pool.preparedQuery("SELECT channel, count(*) AS due FROM delivery WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= $1 GROUP BY channel")
                .execute(Tuple.of(utc(now)))
                .map(rows -> {
                    Map<DeliveryChannel, Long> due = new EnumMap<>(DeliveryChannel.class);
                    for (Row row : rows) {
                        due.put(DeliveryChannel.valueOf(row.getString("channel")), row.getLong("due"));
                    }
                    return due;
                });
    }

    public Uni<Optional<Delivery>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM delivery WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> deliveries(rows).stream().findFirst());
    }

    /**
     * Puts a FAILED or SKIPPED delivery back in the queue, due at {@code now}, its attempts kept; empty when there
     * is no such delivery in one of those states.
     */
    public Uni<Optional<Delivery>> requeue(UUID id, Instant now) {
        return pool.preparedQuery("UPDATE delivery SET status = 'PENDING', next_attempt_at = $2, updated_at = $2 "
                        + "WHERE id = $1 AND status IN ('FAILED', 'SKIPPED') RETURNING " + COLUMNS)
                .execute(Tuple.of(id, utc(now)))
                .map(rows -> deliveries(rows).stream().findFirst());
    }

    /** Up to {@code size} deliveries (of {@code status} when given), newest first, after {@code after} when given. */
    public Uni<List<Delivery>> page(DeliveryStatus status, PageCursor after, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM delivery WHERE true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status.name());
            sql.append(" AND status = $").append(params.size());
        }
        if (after != null) {
            params.add(utc(after.createdAt()));
            int createdAt = params.size();
            params.add(after.id());
            sql.append(" AND (created_at, id) < ($").append(createdAt).append(", $").append(params.size()).append(")");
        }
        params.add(size);
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(DeliveryQueue::deliveries);
    }

    private static List<Delivery> deliveries(RowSet<Row> rows) {
        List<Delivery> found = new ArrayList<>(rows.rowCount());
        for (Row row : rows) {
            found.add(new Delivery(row.getUUID("id"), DeliveryChannel.valueOf(row.getString("channel")),
                    row.getString("dedup_key"), row.getString("user_id"), row.getUUID("payment_id"),
                    row.getString("payload"), DeliveryStatus.valueOf(row.getString("status")), row.getInteger("attempts"),
                    instant(row, "next_attempt_at"), row.getString("last_error"), instant(row, "event_at"),
                    instant(row, "created_at"), instant(row, "updated_at"), instant(row, "sent_at")));
        }
        return found;
    }

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }
}
