package com.chatpay.notification.sms;

/** One SMS to send. The text may carry a code: it is never part of {@link #toString()}, so never of a log line. */
public record OutgoingSms(String idempotencyKey, String phoneNumber, String text) {

    @Override
    public String toString() {
        return "OutgoingSms[idempotencyKey=" + idempotencyKey + ", text=<" + text.length() + " chars>]";
    }
}
