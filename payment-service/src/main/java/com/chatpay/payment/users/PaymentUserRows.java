package com.chatpay.payment.users;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The users' rows in plain SQL, for the hot paths that run without a Hibernate session (accepting a payment reads
 * both parties with one statement; settling it reads both at its claim, and locks the payee when the payment is to
 * wait for them). A user read here is a plain object, never attached to a session.
 */
@ApplicationScoped
public class PaymentUserRows {

    private static final String SELECT = "SELECT user_id, active, country, currency, card_token, locked, suspended,"
            + " updated_at FROM payment_user";

    /** Those of {@code userIds} payment-service knows, by id, as the caller's transaction sees them (not locked). */
    public Uni<Map<String, PaymentUser>> known(SqlClient client, String... userIds) {
        return client.preparedQuery(SELECT + " WHERE user_id = ANY($1)")
                .execute(Tuple.tuple().addArrayOfString(userIds))
                .map(PaymentUserRows::byId);
    }

    /**
     * The payer and the payee of a payment, those payment-service knows, by id (not locked); empty for an unknown
     * payment. Needs only the payment's id, so it can go to the database in the same round trip as a statement
     * that reads or writes the payment (the parties of a payment never change).
     */
    public Uni<Map<String, PaymentUser>> partiesOf(SqlClient client, UUID paymentId) {
        return client.preparedQuery(SELECT + " WHERE user_id IN (SELECT unnest(ARRAY[payer_id, payee_id])"
                        + " FROM payment WHERE id = $1)")
                .execute(Tuple.of(paymentId))
                .map(PaymentUserRows::byId);
    }

    private static Map<String, PaymentUser> byId(RowSet<Row> rows) {
        Map<String, PaymentUser> known = new HashMap<>(4);
        for (Row row : rows) {
            PaymentUser user = user(row);
            known.put(user.userId(), user);
        }
        return known;
    }

    /**
     * As {@link PaymentUserRepository#lockOrCreate}, in the transaction {@code connection} has begun: the user's row,
     * created empty if onboarding has not told us about them yet, locked until the transaction ends. A known user
     * costs one statement.
     */
    public Uni<PaymentUser> lockOrCreate(SqlConnection connection, String userId, Instant now) {
        return lock(connection, userId).chain(known -> known != null
                ? Uni.createFrom().item(known)
                : connection.preparedQuery("INSERT INTO payment_user (user_id, updated_at) VALUES ($1, $2)"
                                + " ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(userId, utc(now)))
                        // a concurrent insert of the same user committed first: its row, locked, either way
                        .chain(() -> lock(connection, userId)));
    }

    private static Uni<PaymentUser> lock(SqlConnection connection, String userId) {
        return connection.preparedQuery(SELECT + " WHERE user_id = $1 FOR UPDATE").execute(Tuple.of(userId))
                .map(PaymentUserRows::firstOrNull);
    }

    private static PaymentUser firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : user(rows.iterator().next());
    }

    private static PaymentUser user(Row row) {
        return PaymentUser.restore(row.getString("user_id"), row.getBoolean("active"), row.getString("country"),
                row.getString("currency"), row.getString("card_token"), row.getBoolean("locked"),
                row.getBoolean("suspended"), instant(row, "updated_at"));
    }
}
