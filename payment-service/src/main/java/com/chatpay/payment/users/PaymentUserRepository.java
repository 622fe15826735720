package com.chatpay.payment.users;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@ApplicationScoped
@WithSession
public class PaymentUserRepository implements PanacheRepositoryBase<PaymentUser, String> {

    /**
     * The user's row, created empty if onboarding has not told us about them yet, and locked until the transaction
     * ends. Whoever changes a user (the onboarding consumer) and whoever decides on the strength of it (whether a
     * payee can receive) take this lock, so a payee's activation and a payment put on hold for them cannot miss
     * each other. A known user (nearly always) costs one statement: the insert runs only when the row is missing.
     */
    public Uni<PaymentUser> lockOrCreate(String userId, Instant now) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE).chain(known -> known != null
                ? Uni.createFrom().item(known)
                : Panache.getSession().chain(session -> session.createNativeQuery(
                                "INSERT INTO payment_user (user_id, updated_at) VALUES (:user, :at)"
                                        + " ON CONFLICT DO NOTHING")
                        .setParameter("user", userId)
                        .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .executeUpdate())
                        // a concurrent insert of the same user committed first: its row, locked, either way
                        .chain(() -> findById(userId, LockModeType.PESSIMISTIC_WRITE)));
    }
}
