package com.chatpay.notification.sms;

import java.time.Instant;

/** An SMS the simulator "sent", as {@code GET /dev/sms} shows it. */
public record SentSms(String phoneNumber, String text, Instant sentAt) {
}
