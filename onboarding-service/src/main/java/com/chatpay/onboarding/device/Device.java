package com.chatpay.onboarding.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A device key enrolled for biometric payment confirmation: a WebAuthn credential (public key only). */
@Entity
@Table(name = "device")
public class Device {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    /** The name the user gave the device. */
    public String name;

    @Column(name = "credential_id")
    public byte[] credentialId;

    /** The credential public key, COSE-encoded. */
    @Column(name = "public_key_cose")
    public byte[] publicKeyCose;

    public UUID aaguid;

    /** The last signature counter the authenticator presented. */
    @Column(name = "sign_count")
    public long signCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
