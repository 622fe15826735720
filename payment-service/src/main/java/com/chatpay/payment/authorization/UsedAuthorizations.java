package com.chatpay.payment.authorization;

import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The single-use register of authorization tokens: a {@code jti} is recorded once, with the payment it paid for. */
@ApplicationScoped
public class UsedAuthorizations {

    /**
     * Records the token's use in the transaction of {@code connection}; false if it was already used (a concurrent
     * use waits for the other transaction and then sees it).
     */
    public Uni<Boolean> recordFirstUse(SqlConnection connection, String jti, UUID paymentId, Instant now) {
        return connection.preparedQuery("INSERT INTO used_authorization (jti, payment_id, used_at) VALUES ($1, $2, $3)"
                        + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(jti, paymentId, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }
}
