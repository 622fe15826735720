package com.chatpay.onboarding.card;

/** {@code POST /v1/me/cards}. The number may contain spaces. The CVC is checked, sent to the network, never stored. */
public record CardRequest(String number, Integer expiryMonth, Integer expiryYear, String cvc) {

    @Override
    public String toString() {
        return "CardRequest[masked]";
    }
}
