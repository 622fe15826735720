package com.chatpay.notification.push;

import java.time.Instant;

/** A registered push token as the API shows it. */
public record PushTokenView(String token, Platform platform, Instant registeredAt, Instant updatedAt) {

    static PushTokenView of(PushToken t) {
        return new PushTokenView(t.token, t.platform, t.registeredAt, t.updatedAt);
    }
}
