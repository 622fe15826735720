package com.chatpay.onboarding.authorization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Payment authorization tokens. */
@ConfigMapping(prefix = "chatpay.authorization")
public interface AuthorizationConfig {

    /** {@code iss} of the tokens, which payment-service expects (AUTHZ_ISSUER). */
    String issuer();

    /** PEM PKCS#8 EC P-256 private key file the tokens are signed with (AUTHZ_SIGNING_KEY_LOCATION). */
    String signingKeyLocation();

    /** Token lifetime; never more than AuthorizationClaims.MAX_TTL (a longer value is capped). */
    @WithDefault("PT5M")
    Duration tokenTtl();
}
