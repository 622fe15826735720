package com.chatpay.notification.sms;

import com.chatpay.notification.text.Lang;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The text of an SMS code message, per language. */
public final class SmsTemplates {

    private SmsTemplates() {
    }

    /**
     * {@code Votre code chatpay : 123456. Il expire dans 10 minutes.} or
     * {@code Your chatpay code: 123456. It expires in 10 minutes.}, the minutes being what is left until
     * {@code expiresAt}, rounded to the nearest minute. Empty when less than half a minute is left: a code the user
     * cannot type in time is not worth sending.
     */
    public static Optional<String> codeMessage(Lang lang, String code, Instant expiresAt, Instant now) {
        long minutes = Math.round(Duration.between(now, expiresAt).toMillis() / 60_000.0);
        if (minutes < 1) {
            return Optional.empty();
        }
        String unit = minutes == 1 ? "minute" : "minutes";
        return Optional.of(switch (lang) {
            case FR -> "Votre code chatpay : " + code + ". Il expire dans " + minutes + " " + unit + ".";
            case EN -> "Your chatpay code: " + code + ". It expires in " + minutes + " " + unit + ".";
        });
    }
}
