package com.chatpay.onboarding.authorization;

/** {@code POST /v1/payment-authorizations/options}: the payment a biometric confirmation is asked for. */
public record AssertionOptionsRequest(String payeeId, AuthorizationRequest.Amount amount) {
}
