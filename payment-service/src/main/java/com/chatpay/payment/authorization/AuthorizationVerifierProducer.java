package com.chatpay.payment.authorization;

import com.chatpay.common.crypto.Pem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the verifier from configuration; a missing or unreadable key fails the start-up. */
@ApplicationScoped
public class AuthorizationVerifierProducer {

    @Produces
    @Singleton
    AuthorizationVerifier verifier(AuthorizationConfig config, Clock clock) {
        return new AuthorizationVerifier(Pem.readPublicKey(config.publicKeyLocation(), "EC"), config.issuer(), clock);
    }
}
