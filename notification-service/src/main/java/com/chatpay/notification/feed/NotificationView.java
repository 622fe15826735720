package com.chatpay.notification.feed;

import java.time.Instant;
import java.util.UUID;

/** A notification as the feed shows it. */
public record NotificationView(UUID id, UUID paymentId, String kind, String text, Instant createdAt, boolean read) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.paymentId, n.kind, n.text, n.createdAt, n.readAt != null);
    }
}
