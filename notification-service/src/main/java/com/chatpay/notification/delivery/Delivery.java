package com.chatpay.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code delivery}, as the worker and ops read it. {@code attempts} counts the attempts started. */
public record Delivery(UUID id, DeliveryChannel channel, String dedupKey, String userId, UUID paymentId,
        String payload, DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant eventAt,
        Instant createdAt, Instant updatedAt, Instant sentAt) {

    @Override
    public String toString() {
        // the payload may carry a phone number or a device token: never in a log line
        return "Delivery[" + id + ", " + channel + ", " + dedupKey + ", " + status + ", attempts=" + attempts + "]";
    }
}
