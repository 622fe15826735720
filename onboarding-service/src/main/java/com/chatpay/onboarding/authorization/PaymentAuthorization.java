package com.chatpay.onboarding.authorization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An issued authorization token (its {@code jti} and what it binds), kept for audit and disputes. */
@Entity
@Table(name = "payment_authorization")
public class PaymentAuthorization {

    @Id
    public UUID jti;

    @Column(name = "payer_id")
    public String payerId;

    @Column(name = "payee_id")
    public String payeeId;

    /** Minor units. */
    public long amount;

    public String currency;

    public String method;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
