package com.chatpay.onboarding.activation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A code sent by SMS, stored only as its keyed hash. */
@Entity
@Table(name = "sms_challenge")
public class SmsChallenge {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    public String purpose;

    @Column(name = "code_hash")
    public byte[] codeHash;

    @Enumerated(EnumType.STRING)
    public SmsChallengeStatus status;

    /** Wrong entries so far. */
    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
