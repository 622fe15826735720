package com.chatpay.onboarding.activation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether another code may be sent: not within the cooldown after the last one, and not more than the daily limit in
 * the rolling window. Plain Java over the send times of the window.
 */
public record SmsRateLimit(Duration cooldown, int dailyLimit, Duration window) {

    /**
     * @param sentInWindow when codes were sent within {@link #window()} before {@code now}, newest first
     * @return how long to wait before the next code, or empty when one may be sent now
     */
    public Optional<Duration> waitBeforeNext(List<Instant> sentInWindow, Instant now) {
        if (sentInWindow.isEmpty()) {
            return Optional.empty();
        }
        Instant newest = sentInWindow.get(0);
        Duration wait = Duration.ZERO;
        if (newest.plus(cooldown).isAfter(now)) {
            wait = Duration.between(now, newest.plus(cooldown));
        }
        if (sentInWindow.size() >= dailyLimit) {
            // the window frees a slot when the oldest code still counting leaves it
            Instant oldestCounting = sentInWindow.get(dailyLimit - 1);
            Duration untilFree = Duration.between(now, oldestCounting.plus(window));
            if (untilFree.compareTo(wait) > 0) {
                wait = untilFree;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Whole seconds for a {@code Retry-After} header, rounded up. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
