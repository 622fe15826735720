package com.chatpay.onboarding.activation;

import com.chatpay.common.crypto.Pem;
import com.chatpay.onboarding.crypto.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;

/** The code hasher and notification-service's public key, from configuration at start-up. */
@ApplicationScoped
public class SmsKeysProducer {

    /** Qualifier name of notification-service's RSA public key. */
    public static final String NOTIFICATION_KEY = "notification-sms-key";

    @Produces
    @Singleton
    @Startup
    SmsCodes smsCodes(SmsConfig config) {
        return new SmsCodes(Secrets.base64Key(config.codeHashKey(), "chatpay.sms.code-hash-key"), new SecureRandom());
    }

    @Produces
    @Singleton
    @Startup
    @Named(NOTIFICATION_KEY)
    PublicKey notificationKey(SmsConfig config) {
        return Pem.readPublicKey(Path.of(config.encryptionPublicKeyLocation()), "RSA");
    }
}
