package com.chatpay.onboarding.onboarding;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PaymentProfileRepository implements PanacheRepositoryBase<PaymentProfile, String> {

    /**
     * The profile, row-locked until the transaction ends: every step that changes the onboarding state or counts
     * attempts goes through it, so concurrent requests of one user are serialised.
     */
    public Uni<PaymentProfile> lock(String userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
