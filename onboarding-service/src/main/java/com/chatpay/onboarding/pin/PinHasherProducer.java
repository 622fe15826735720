package com.chatpay.onboarding.pin;

import com.chatpay.onboarding.crypto.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@ApplicationScoped
public class PinHasherProducer {

    @Produces
    @Singleton
    @Startup
    PinHasher pinHasher(PinConfig config) {
        return new PinHasher(Secrets.base64Key(config.pepper(), "chatpay.pin.pepper"), config.hashIterations());
    }
}
