package com.chatpay.payment.cardnetwork;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff: at most {@code maxAttempts} calls in all; before attempt {@code n}
 * ({@code n >= 2}) the caller waits {@code initialBackoff * multiplier^(n-2)}, never more than {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("backoffs are positive and never shrink");
        }
    }

    /** Whether another attempt may follow {@code attemptsMade} failed ones. */
    public boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** How long to wait before attempt {@code attempt} (the first retry is attempt 2). */
    public Duration backoffBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 2);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
    }
}
