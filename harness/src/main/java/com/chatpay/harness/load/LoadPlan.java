package com.chatpay.harness.load;

import java.time.Duration;

/**
 * What a load run offers: {@code ratePerSecond} payments a second, open loop (a payment starts on schedule whether
 * or not earlier ones have finished), for {@code duration}, of amounts between {@code minCents} and
 * {@code maxCents}. A request that fails without an answer, or with a 5xx, is retried for up to {@code retryFor}
 * (a payment with the same Idempotency-Key), as a careful client does; {@link Duration#ZERO}: never.
 */
public record LoadPlan(double ratePerSecond, Duration duration, long minCents, long maxCents, Duration retryFor,
        Duration outcomeTimeout) {

    public LoadPlan {
        if (ratePerSecond <= 0 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        if (minCents <= 0 || maxCents < minCents) {
            throw new IllegalArgumentException("amounts must satisfy 0 < min <= max");
        }
    }

    public static LoadPlan of(double ratePerSecond, Duration duration) {
        return new LoadPlan(ratePerSecond, duration, 100, 1_000, Duration.ZERO, Duration.ofSeconds(30));
    }

    public LoadPlan withAmounts(long min, long max) {
        return new LoadPlan(ratePerSecond, duration, min, max, retryFor, outcomeTimeout);
    }

    public LoadPlan withRetriesFor(Duration window) {
        return new LoadPlan(ratePerSecond, duration, minCents, maxCents, window, outcomeTimeout);
    }

    public LoadPlan withOutcomeTimeout(Duration timeout) {
        return new LoadPlan(ratePerSecond, duration, minCents, maxCents, retryFor, timeout);
    }

    /** How many payments the plan offers. */
    public long payments() {
        return Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }
}
