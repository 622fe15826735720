package com.chatpay.onboarding.authorization;

import java.time.Instant;
import java.util.List;

/**
 * WebAuthn {@code PublicKeyCredentialRequestOptions} (JSON form, binary values base64url) for one payment: the
 * challenge is bound to payer, payee, amount and currency, so the assertion confirms this payment only.
 */
public record AssertionOptions(String challenge, String rpId, List<CredentialDescriptor> allowCredentials,
        String userVerification, long timeout, Instant expiresAt) {

    public record CredentialDescriptor(String type, String id) {
    }
}
