package com.chatpay.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery to create in the consuming transaction. {@code dedupKey} names what it delivers (one SMS per code, one
 * bubble per payment state, one push per notification and device): a second one with the same key adds nothing.
 * {@code status} is PENDING, or SKIPPED with {@code lastError} saying why nothing will be sent.
 */
public record NewDelivery(DeliveryChannel channel, String dedupKey, String userId, UUID paymentId, String payload,
        DeliveryStatus status, String lastError, Instant eventAt) {

    public static NewDelivery pending(DeliveryChannel channel, String dedupKey, String userId, UUID paymentId,
            String payload, Instant eventAt) {
        return new NewDelivery(channel, dedupKey, userId, paymentId, payload, DeliveryStatus.PENDING, null, eventAt);
    }

    @Override
    public String toString() {
        // the payload may carry a phone number or a device token: never in a log line
        return "NewDelivery[" + channel + ", " + dedupKey + ", " + status + "]";
    }
}
