package com.chatpay.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How SMS codes are decrypted and how the simulated operator behaves. */
@ConfigMapping(prefix = "chatpay.sms")
public interface SmsConfig {

    /** PEM file (PKCS#8) of this service's RSA private key, which decrypts the codes of {@code onboarding.sms}. */
    String decryptionKeyLocation();

    /** The SMS simulator, the default {@link SmsProvider}. */
    Simulator simulator();

    interface Simulator {

        /** How long the simulated operator takes to answer a send. */
        @WithDefault("100ms")
        Duration latency();

        /** Share (0 to 1) of send attempts the simulated operator refuses; the delivery worker retries them. */
        @WithDefault("0")
        double failureRate();
    }
}
