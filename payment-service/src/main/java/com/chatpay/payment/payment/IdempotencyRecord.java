package com.chatpay.payment.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An Idempotency-Key of one payer (keys are scoped to the payer): the hash of the request it came with and the answer
 * that request got.
 */
public record IdempotencyRecord(String requestHash, UUID paymentId, int responseStatus, String responseBody,
        Instant createdAt) {

    /** Whether the key is forgotten at {@code now}: older than {@code ttl}, it no longer binds a request. */
    public boolean isExpired(Instant now, Duration ttl) {
        return !createdAt.plus(ttl).isAfter(now);
    }
}
