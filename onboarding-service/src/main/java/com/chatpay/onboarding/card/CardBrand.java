package com.chatpay.onboarding.card;

import java.util.Optional;

/** Card brands chatpay accepts, recognised by their IIN ranges. */
public enum CardBrand {
    VISA,
    MASTERCARD;

    /** VISA: 4…; MASTERCARD: 51–55 or 2221–2720. Digits only. */
    public static Optional<CardBrand> of(String digits) {
        if (digits.length() < 4) {
            return Optional.empty();
        }
        if (digits.charAt(0) == '4') {
            return Optional.of(VISA);
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return Optional.of(MASTERCARD);
        }
        return Optional.empty();
    }
}
