package com.chatpay.limits.usage;

import com.chatpay.common.money.Money;
import com.chatpay.limits.policy.Policy;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The limit arithmetic, in plain Java: what counts in the window, how much is left, when the next amount frees up,
 * and whether a new payment fits.
 */
public final class LimitRules {

    /** Stable reasons of a refusal, as they appear in {@code LimitRejected} and on the rejected payment. */
    public static final String LIMIT_PER_PAYMENT_EXCEEDED = "LIMIT_PER_PAYMENT_EXCEEDED";
    public static final String LIMIT_WINDOW_EXCEEDED = "LIMIT_WINDOW_EXCEEDED";
    public static final String LIMIT_VELOCITY_EXCEEDED = "LIMIT_VELOCITY_EXCEEDED";
    public static final String CURRENCY_NOT_SUPPORTED = "CURRENCY_NOT_SUPPORTED";

    private LimitRules() {
    }

    /**
     * One amount of the user's history: still reserved ({@code consumedAt} null: counts until released) or
     * consumed at {@code consumedAt} (counts while inside the window).
     */
    public record Counted(long amount, Instant consumedAt) {
        public static Counted reserved(long amount) {
            return new Counted(amount, null);
        }

        public static Counted consumed(long amount, Instant at) {
            return new Counted(amount, Objects.requireNonNull(at));
        }

        boolean isReserved() {
            return consumedAt == null;
        }
    }

    /** What the user has used and reserved in the window ending now, what is left and when more frees up. */
    public record Headroom(Money used, Money reserved, Money remaining, Instant nextReleaseAt, int payments) {
    }

    /** A decision on a new payment: reserved, or rejected with a reason; both give the headroom after it. */
    public record Decision(boolean reserved, String reason, Headroom headroom) {
        static Decision reserve(Headroom after) {
            return new Decision(true, null, after);
        }

        static Decision reject(String reason, Headroom now) {
            return new Decision(false, reason, now);
        }
    }

    public static Headroom headroom(Policy policy, Collection<Counted> history, Instant now) {
        long used = 0;
        long reserved = 0;
        int payments = 0;
        Instant oldestConsumed = null;
        for (Counted c : history) {
            if (c.isReserved()) {
                reserved += c.amount();
                payments++;
            } else if (!c.consumedAt().isAfter(now) && policy.window().releaseOf(c.consumedAt()).isAfter(now)) {
                // counts from its consumption until its window releases it (an amount consumed at the very start of
                // a calendar month counts in that month)
                used += c.amount();
                payments++;
                if (oldestConsumed == null || c.consumedAt().isBefore(oldestConsumed)) {
                    oldestConsumed = c.consumedAt();
                }
            }
        }
        long remaining = Math.max(0, policy.windowMax() - used - reserved);
        Instant nextRelease = oldestConsumed == null ? null : policy.window().releaseOf(oldestConsumed);
        return new Headroom(Money.of(used, policy.currency()), Money.of(reserved, policy.currency()),
                Money.of(remaining, policy.currency()), nextRelease, payments);
    }

    /** Whether {@code amount} fits: currency, per-payment maximum, velocity cap, then the window. */
    public static Decision decide(Policy policy, Collection<Counted> history, Money amount, Instant now) {
        Headroom current = headroom(policy, history, now);
        if (!policy.currency().equals(amount.currency())) {
            return Decision.reject(CURRENCY_NOT_SUPPORTED, current);
        }
        if (amount.value() > policy.perPaymentMax()) {
            return Decision.reject(LIMIT_PER_PAYMENT_EXCEEDED, current);
        }
        if (policy.maxPaymentsPerWindow() != null && current.payments() >= policy.maxPaymentsPerWindow()) {
            return Decision.reject(LIMIT_VELOCITY_EXCEEDED, current);
        }
        if (amount.value() > current.remaining().value()) {
            return Decision.reject(LIMIT_WINDOW_EXCEEDED, current);
        }
        Money remainingAfter = current.remaining().minus(amount);
        return Decision.reserve(new Headroom(current.used(), current.reserved().plus(amount), remainingAfter,
                current.nextReleaseAt(), current.payments() + 1));
    }

}
