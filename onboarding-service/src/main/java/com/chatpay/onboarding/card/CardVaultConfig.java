package com.chatpay.onboarding.card;

import io.smallrye.config.ConfigMapping;

/** Keys of the card vault. */
@ConfigMapping(prefix = "chatpay.card-vault")
public interface CardVaultConfig {

    /** AES-256 keys, {@code <keyId>:<base64 32 bytes>} comma-separated; old ids stay to decrypt (CARD_VAULT_KEYS). */
    String keys();

    /** The key id new card numbers are encrypted with (CARD_VAULT_ACTIVE_KEY_ID). */
    String activeKeyId();

    /** HMAC key (base64, at least 32 bytes) of the card fingerprint (CARD_FINGERPRINT_KEY). */
    String fingerprintKey();
}
