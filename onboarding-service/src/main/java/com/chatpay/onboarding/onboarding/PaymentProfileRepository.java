package com.chatpay.onboarding.onboarding;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class PaymentProfileRepository implements PanacheRepositoryBase<PaymentProfile, String> {

    /**
     * The profile, row-locked until the transaction ends: every step that changes the onboarding state or counts
     * attempts goes through it, so concurrent requests of one user are serialised.
     */
    public Uni<PaymentProfile> lock(String userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Up to {@code limit} users of a country who did every onboarding step, are neither locked nor suspended, were
     * not admitted by the rollout and whose bucket ({@code rollout_bucket}, see RolloutPolicy) is below
     * {@code threshold}; row-locked, skipping rows another transaction holds (that transaction admits the user
     * itself, or the next sweep does).
     */
    public Uni<List<PaymentProfile>> lockWaitingForRollout(String country, int threshold, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT * FROM payment_profile
                WHERE country = :country AND admitted_country IS DISTINCT FROM country AND phone_verified
                  AND card_registered AND pin_hash IS NOT NULL AND NOT suspended AND locked_at IS NULL
                  AND rollout_bucket(country, user_id) < :threshold
                ORDER BY user_id LIMIT :limit
                FOR UPDATE SKIP LOCKED""", PaymentProfile.class)
                .setParameter("country", country)
                .setParameter("threshold", threshold)
                .setParameter("limit", limit)
                .getResultList());
    }
}
