package com.chatpay.onboarding.authorization;

import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Issued authorizations recorded in plain SQL, for the PIN's path, which runs without a Hibernate session. */
@ApplicationScoped
public class PaymentAuthorizationRows {

    /** Records the issued authorization in the caller's transaction (the row {@link PaymentAuthorization} maps). */
    public Uni<Void> insert(SqlConnection connection, PaymentAuthorization issued) {
        return connection.preparedQuery("INSERT INTO payment_authorization (jti, payer_id, payee_id, amount, currency,"
                        + " method, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] {issued.jti, issued.payerId, issued.payeeId, issued.amount,
                        issued.currency, issued.method, utc(issued.issuedAt), utc(issued.expiresAt)}))
                .replaceWithVoid();
    }
}
