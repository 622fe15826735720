package com.chatpay.onboarding.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A card in the vault: the PAN only encrypted, with display data and the network token. */
@Entity
@Table(name = "card")
public class Card {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public CardStatus status;

    @Column(name = "network_token")
    public String networkToken;

    @Enumerated(EnumType.STRING)
    public CardBrand brand;

    public String last4;

    @Column(name = "expiry_month")
    public int expiryMonth;

    @Column(name = "expiry_year")
    public int expiryYear;

    @Column(name = "pan_key_id")
    public String panKeyId;

    /** AES-256-GCM: IV || ciphertext || tag, associated data = user id. */
    @Column(name = "pan_ciphertext")
    public byte[] panCiphertext;

    public String fingerprint;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Override
    public String toString() {
        return "Card[" + id + " " + brand + " •••• " + last4 + "]";
    }
}
