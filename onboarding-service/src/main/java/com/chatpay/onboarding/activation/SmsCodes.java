package com.chatpay.onboarding.activation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time SMS codes: six digits from {@link SecureRandom}, stored only as HMAC-SHA256(key, challengeId:code) — the
 * challenge id binds a hash to its challenge — and compared in constant time.
 */
public final class SmsCodes {

    private final SecretKeySpec key;
    private final SecureRandom random;

    public SmsCodes(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.random = random;
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] hash(UUID challengeId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((challengeId + ":" + code).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(UUID challengeId, String code, byte[] storedHash) {
        return MessageDigest.isEqual(hash(challengeId, code), storedHash);
    }
}
