package com.chatpay.limits.policy;

import com.chatpay.common.money.Money;

/**
 * A country's limits: at most {@code perPaymentMax} a payment and {@code windowMax} over the window, optionally at
 * most {@code maxPaymentsPerWindow} payments in it; whether a refund gives the headroom back.
 */
public record Policy(String country, String currency, long perPaymentMax, long windowMax, LimitWindow window,
        Integer maxPaymentsPerWindow, boolean refundRestoresHeadroom) {

    public Policy {
        if (perPaymentMax <= 0 || windowMax <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (perPaymentMax > windowMax) {
            throw new IllegalArgumentException("perPaymentMax cannot exceed windowMax");
        }
        if (maxPaymentsPerWindow != null && maxPaymentsPerWindow < 1) {
            throw new IllegalArgumentException("maxPaymentsPerWindow must be at least 1");
        }
    }

    public Money perPaymentLimit() {
        return Money.of(perPaymentMax, currency);
    }

    public Money windowLimit() {
        return Money.of(windowMax, currency);
    }
}
