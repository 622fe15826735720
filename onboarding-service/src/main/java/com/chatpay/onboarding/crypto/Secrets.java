package com.chatpay.onboarding.crypto;

import java.util.Base64;

/** Decodes the base64 secrets configuration hands over (Kubernetes Secrets); never logs their value. */
public final class Secrets {

    /** The smallest key accepted for HMAC and AES-256 keys. */
    public static final int MIN_KEY_BYTES = 32;

    private Secrets() {
    }

    /** A base64 key of at least 32 bytes; {@code property} names it in the error. */
    public static byte[] base64Key(String value, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(property + " must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }
}
