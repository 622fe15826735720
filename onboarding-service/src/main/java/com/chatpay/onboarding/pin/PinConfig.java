package com.chatpay.onboarding.pin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** PIN hashing and attempt limits. */
@ConfigMapping(prefix = "chatpay.pin")
public interface PinConfig {

    /** Pepper (base64, at least 32 bytes) mixed into every PIN hash, kept outside the database (PIN_PEPPER). */
    String pepper();

    /** PBKDF2-HMAC-SHA256 iterations of new PIN hashes (1,500 ≈ 1.4 ms, see PinHasher). */
    @WithDefault("1500")
    int hashIterations();

    /** Consecutive wrong PINs that lock payments until an SMS re-verification. */
    @WithDefault("3")
    int maxAttempts();
}
