package com.chatpay.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** To be sent (again) at {@code next_attempt_at}. */
    PENDING,
    /** Handed to the provider or webhook, which accepted it. */
    SENT,
    /** Given up: refused for good, or the maximum attempts failed. Ops can retry it. */
    FAILED,
    /** Nothing to send it to (the webhook is not configured). Ops can retry it once it is. */
    SKIPPED
}
