package com.chatpay.onboarding.authorization;

/** {@code POST /v1/payment-authorizations} with a PIN. */
public record AuthorizationRequest(String payeeId, Amount amount, String pin) {

    /** Minor units and ISO 4217 currency, as {@code Money} on the wire. */
    public record Amount(Long value, String currency) {
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[masked]";
    }
}
