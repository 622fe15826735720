package com.chatpay.notification.sms;

import java.time.Instant;

/**
 * What an SMS delivery row keeps: the code still encrypted for this service only (as onboarding sent it), so no code
 * is ever stored in clear; the text is rendered when the SMS is sent, with the minutes then left.
 */
public record SmsPayload(String challengeId, String phoneNumber, String encryptedCode, String locale,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "SmsPayload[challengeId=" + challengeId + "]";
    }
}
