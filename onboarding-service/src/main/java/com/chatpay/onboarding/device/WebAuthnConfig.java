package com.chatpay.onboarding.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** WebAuthn relying party settings for device (fingerprint / face) enrolment and payment confirmation. */
@ConfigMapping(prefix = "chatpay.webauthn")
public interface WebAuthnConfig {

    /** Relying party id: the domain the credentials are scoped to (WEBAUTHN_RP_ID). */
    String rpId();

    /** Relying party name shown by authenticators. */
    @WithDefault("chatpay")
    String rpName();

    /** Origins accepted in client data: web origins and app origins (WEBAUTHN_ORIGINS, comma-separated). */
    Set<String> origins();

    /** How long a registration or payment challenge can be answered. */
    @WithDefault("PT5M")
    Duration challengeTtl();

    /** Whether assertions must carry the user-verified flag (biometric or device PIN), not only user presence. */
    @WithDefault("true")
    boolean userVerificationRequired();
}
