package com.chatpay.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, capped, for a bounded number of attempts.
 * After attempt {@code n} failed, the next one waits a random delay between half and all of
 * {@code min(cap, base × 2^(n-1))} ("equal jitter": retries of many deliveries that failed together spread out,
 * and no retry comes sooner than half the nominal delay). After {@code maxAttempts} failed attempts it gives up.
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < base <= cap and maxAttempts >= 1");
        }
    }

    /**
     * The delay before the next attempt once {@code attemptsMade} attempts failed, or empty to give up.
     * {@code random} is a number in [0, 1) (the jitter), passed in so tests can pin it.
     */
    public Optional<Duration> nextDelay(int attemptsMade, double random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration nominal = nominalDelay(attemptsMade);
        long half = nominal.toMillis() / 2;
        return Optional.of(Duration.ofMillis(half + Math.round((nominal.toMillis() - half) * random)));
    }

    /** {@code min(cap, base × 2^(attemptsMade-1))}, without overflow. */
    Duration nominalDelay(int attemptsMade) {
        int doublings = Math.max(0, attemptsMade - 1);
        long capMillis = cap.toMillis();
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }
}
