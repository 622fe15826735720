package com.chatpay.onboarding.activation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** SMS one-time codes: lifetime, rate limits, attempts and keys. */
@ConfigMapping(prefix = "chatpay.sms")
public interface SmsConfig {

    /** How long a code can be entered. */
    @WithDefault("PT10M")
    Duration codeLifetime();

    /** Shortest time between two codes sent to one user. */
    @WithDefault("PT60S")
    Duration resendCooldown();

    /** Most codes sent to one user in any {@link #dailyWindow()}. */
    @WithDefault("5")
    int dailyLimit();

    /** The rolling window of {@link #dailyLimit()}. */
    @WithDefault("PT24H")
    Duration dailyWindow();

    /** Wrong entries allowed per code; then the code is exhausted and a new one must be requested. */
    @WithDefault("5")
    int maxAttempts();

    /** HMAC key (base64, at least 32 bytes) codes are stored under (SMS_CODE_HASH_KEY). */
    String codeHashKey();

    /** PEM file of notification-service's RSA public key, which codes are encrypted for (SMS_ENCRYPTION_PUBLIC_KEY_LOCATION). */
    String encryptionPublicKeyLocation();
}
