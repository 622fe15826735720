package com.chatpay.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as ops see it: what, for whom, where it stands. Never the payload (a phone number, a device token, a
 * code still encrypted) — only references.
 */
public record DeliveryView(UUID id, DeliveryChannel channel, String userId, UUID paymentId, DeliveryStatus status,
        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant updatedAt, Instant sentAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.channel(), d.userId(), d.paymentId(), d.status(), d.attempts(),
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(),
                d.updatedAt(), d.sentAt());
    }
}
