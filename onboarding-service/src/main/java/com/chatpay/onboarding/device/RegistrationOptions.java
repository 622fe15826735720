package com.chatpay.onboarding.device;

import java.util.List;

/**
 * {@code POST /v1/me/devices/registration-options}: WebAuthn {@code PublicKeyCredentialCreationOptions} in their
 * JSON form (binary values base64url), to pass to {@code navigator.credentials.create} or the platform API.
 */
public record RegistrationOptions(String challenge, RelyingParty rp, User user,
        List<CredentialParameter> pubKeyCredParams, long timeout, String attestation,
        AuthenticatorSelection authenticatorSelection, List<CredentialDescriptor> excludeCredentials) {

    public record RelyingParty(String id, String name) {
    }

    /** {@code id}: the user handle, an opaque hash of the user id. */
    public record User(String id, String name, String displayName) {
    }

    public record CredentialParameter(String type, int alg) {
    }

    public record AuthenticatorSelection(String authenticatorAttachment, String userVerification,
            String residentKey) {
    }

    public record CredentialDescriptor(String type, String id) {
    }
}
