package com.chatpay.notification.push;

import java.util.UUID;

/** What a push delivery row keeps: the device, the text, and what it is about (for the app to open it). */
public record PushPayload(String token, Platform platform, String text, UUID notificationId, UUID paymentId,
        String kind) {

    @Override
    public String toString() {
        return "PushPayload[notificationId=" + notificationId + ", platform=" + platform + "]";
    }
}
