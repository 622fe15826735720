package com.chatpay.onboarding.device;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

@ApplicationScoped
public class WebAuthnChallengeRepository implements PanacheRepositoryBase<WebAuthnChallenge, UUID> {

    /** The user's challenge with this value and purpose, row-locked (it is about to be used). */
    public Uni<WebAuthnChallenge> lock(String userId, WebAuthnChallenge.Purpose purpose, byte[] challenge) {
        return find("userId = ?1 and purpose = ?2 and challenge = ?3", userId, purpose, challenge)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
