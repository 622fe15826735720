package com.chatpay.onboarding.authorization;

/**
 * {@code POST /v1/payment-authorizations}: the payment, confirmed by exactly one of a PIN or a WebAuthn assertion
 * answering the challenge of {@code POST /v1/payment-authorizations/options} for the same payee and amount.
 */
public record AuthorizationRequest(String payeeId, Amount amount, String pin, Assertion assertion) {

    /** Minor units and ISO 4217 currency, as {@code Money} on the wire. */
    public record Amount(Long value, String currency) {
    }

    /**
     * The authenticator's assertion, binary fields base64url as the WebAuthn API gives them; {@code userHandle} is
     * accepted and not needed (the credential identifies the device).
     */
    public record Assertion(String credentialId, String clientDataJSON, String authenticatorData, String signature,
            String userHandle) {
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[masked]";
    }
}
