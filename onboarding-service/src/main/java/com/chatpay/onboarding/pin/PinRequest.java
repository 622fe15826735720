package com.chatpay.onboarding.pin;

/** {@code PUT /v1/me/pin}; {@code currentPin} is required to change an existing PIN. */
public record PinRequest(String pin, String currentPin) {

    @Override
    public String toString() {
        return "PinRequest[masked]";
    }
}
