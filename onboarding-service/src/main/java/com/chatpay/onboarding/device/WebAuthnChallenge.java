package com.chatpay.onboarding.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A challenge issued to a user's authenticator; single use, short-lived. */
@Entity
@Table(name = "webauthn_challenge")
public class WebAuthnChallenge {

    /** What the challenge is for. */
    public enum Purpose {
        REGISTRATION,
        PAYMENT
    }

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    /** What the authenticator signs (in client data). */
    public byte[] challenge;

    /** The random part: the whole challenge for a registration, the nonce hashed with the payment otherwise. */
    public byte[] nonce;

    /** For a payment: what the challenge binds. */
    @Column(name = "payee_id")
    public String payeeId;

    public Long amount;

    public String currency;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
