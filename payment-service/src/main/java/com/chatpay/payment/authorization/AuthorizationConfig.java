package com.chatpay.payment.authorization;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Where payment authorization tokens come from. */
@ConfigMapping(prefix = "chatpay.authorization")
public interface AuthorizationConfig {

    /** PEM file of onboarding-service's EC P-256 public key that signs authorization tokens (AUTHZ_PUBLIC_KEY_LOCATION). */
    Path publicKeyLocation();

    /** The {@code iss} authorization tokens must carry (AUTHZ_ISSUER). */
    String issuer();
}
