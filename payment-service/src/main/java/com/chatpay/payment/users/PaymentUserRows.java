package com.chatpay.payment.users;

import static com.chatpay.common.persistence.SqlTimes.instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The users' rows in plain SQL, for the hot path that runs without a Hibernate session (accepting a payment reads
 * both parties with one statement). A user read here is a plain object, never attached to a session.
 */
@ApplicationScoped
public class PaymentUserRows {

    /** Those of {@code userIds} payment-service knows, by id, as the caller's transaction sees them (not locked). */
    public Uni<Map<String, PaymentUser>> known(SqlClient client, String... userIds) {
        return client.preparedQuery("SELECT user_id, active, country, currency, card_token, locked, suspended,"
                        + " updated_at FROM payment_user WHERE user_id = ANY($1)")
                .execute(Tuple.tuple().addArrayOfString(userIds))
                .map(rows -> {
                    Map<String, PaymentUser> known = new HashMap<>(4);
                    for (Row row : rows) {
                        PaymentUser user = PaymentUser.restore(row.getString("user_id"), row.getBoolean("active"),
                                row.getString("country"), row.getString("currency"), row.getString("card_token"),
                                row.getBoolean("locked"), row.getBoolean("suspended"), instant(row, "updated_at"));
                        known.put(user.userId(), user);
                    }
                    return known;
                });
    }
}
