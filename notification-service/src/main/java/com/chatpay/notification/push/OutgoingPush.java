package com.chatpay.notification.push;

/** One push to one device. Neither the token nor the text is part of {@link #toString()}, so of a log line. */
public record OutgoingPush(String idempotencyKey, String token, Platform platform, String text) {

    @Override
    public String toString() {
        return "OutgoingPush[idempotencyKey=" + idempotencyKey + ", platform=" + platform + "]";
    }
}
