package com.chatpay.limits.usage;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The users' rows and their reservations, in plain SQL on the connection of the caller's transaction: a decision is
 * the hot path of limits-service, one per payment, and runs without a Hibernate session (no entities to hydrate,
 * dirty-check and flush).
 */
@ApplicationScoped
public class ReservationRepository {

    /** A reservation as a refund needs it. */
    public record Held(String userId, ReservationStatus status) {
    }

    /**
     * Locks the user's row for the rest of the transaction, creating it on first sight, and stores
     * {@code countryIfUnknown} (may be null) as their country if they have none yet. The lock serialises one user's
     * decisions whatever the number of instances and partitions. PostgreSQL locks the conflicting row even where the
     * update's WHERE leaves it unchanged, so a known user's row is locked without a new row version being written.
     */
    public Uni<Void> lockUser(SqlConnection connection, String userId, String countryIfUnknown, Instant now) {
        return connection.preparedQuery("INSERT INTO user_limit (user_id, country, updated_at) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (user_id) DO UPDATE SET country = excluded.country,"
                        + " updated_at = excluded.updated_at"
                        + " WHERE user_limit.country IS NULL AND excluded.country IS NOT NULL")
                .execute(Tuple.of(userId, countryIfUnknown, utc(now)))
                .replaceWithVoid();
    }

    /** Sets the user's country (creating their row on first sight), under the row's lock. */
    public Uni<Void> rememberCountry(SqlConnection connection, String userId, String country, Instant now) {
        return connection.preparedQuery("INSERT INTO user_limit (user_id, country, updated_at) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (user_id) DO UPDATE SET country = excluded.country,"
                        + " updated_at = excluded.updated_at")
                .execute(Tuple.of(userId, country, utc(now)))
                .replaceWithVoid();
    }

    /** The user's stored country, if limits-service knows them and their country; through a pool or a connection. */
    public Uni<Optional<String>> countryOf(SqlClient client, String userId) {
        return client.preparedQuery("SELECT country FROM user_limit WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getString("country")));
    }

    /**
     * What counts against the window starting at {@code windowStart}: held reservations and recent consumptions, as
     * the two values the rules need (a RESERVED row has no {@code consumed_at}; a CONSUMED one always has it).
     */
    public Uni<List<LimitRules.Counted>> counted(SqlClient client, String userId, Instant windowStart) {
        return client.preparedQuery("SELECT amount, consumed_at FROM reservation WHERE user_id = $1"
                        + " AND (status = 'RESERVED' OR (status = 'CONSUMED' AND consumed_at >= $2))")
                .execute(Tuple.of(userId, utc(windowStart)))
                .map(rows -> {
                    List<LimitRules.Counted> counted = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        counted.add(new LimitRules.Counted(row.getLong("amount"), instant(row, "consumed_at")));
                    }
                    return counted;
                });
    }

    /**
     * Records the decision on a payment; false, and nothing written, when the payment already has one (the same
     * request seen again under another event id).
     */
    public Uni<Boolean> insertDecision(SqlConnection connection, UUID paymentId, String userId, long amount,
            String currency, ReservationStatus status, String reason, Instant decidedAt) {
        return connection.preparedQuery("INSERT INTO reservation (payment_id, user_id, amount, currency, status,"
                        + " reason, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        + " ON CONFLICT (payment_id) DO NOTHING")
                .execute(Tuple.tuple(Arrays.asList(paymentId, userId, amount, currency, status.name(), reason,
                        utc(decidedAt))))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Moves the payment's reservation from {@code from} to {@code to}, stamping {@code at} as its consumption (to
     * CONSUMED) or release (any other); nothing if it is not in {@code from}.
     */
    public Uni<Void> transition(SqlConnection connection, UUID paymentId, ReservationStatus from,
            ReservationStatus to, Instant at) {
        String stamp = to == ReservationStatus.CONSUMED ? "consumed_at" : "released_at";
        return connection.preparedQuery("UPDATE reservation SET status = $3, " + stamp + " = $4"
                        + " WHERE payment_id = $1 AND status = $2")
                .execute(Tuple.of(paymentId, from.name(), to.name(), utc(at)))
                .replaceWithVoid();
    }

    /** The payment's reservation, if it has one. */
    public Uni<Optional<Held>> find(SqlConnection connection, UUID paymentId) {
        return connection.preparedQuery("SELECT user_id, status FROM reservation WHERE payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next())
                        .map(row -> new Held(row.getString("user_id"),
                                ReservationStatus.valueOf(row.getString("status")))));
    }
}
