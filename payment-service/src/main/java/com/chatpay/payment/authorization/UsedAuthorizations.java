package com.chatpay.payment.authorization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The single-use register of authorization tokens: a {@code jti} is recorded once, with the payment it paid for. */
@ApplicationScoped
public class UsedAuthorizations {

    /**
     * Records the token's use in the current transaction; false if it was already used (a concurrent use waits for
     * the other transaction and then sees it).
     */
    public Uni<Boolean> recordFirstUse(String jti, UUID paymentId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO used_authorization (jti, payment_id, used_at) VALUES (:jti, :payment, :at) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("jti", jti)
                .setParameter("payment", paymentId)
                .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
