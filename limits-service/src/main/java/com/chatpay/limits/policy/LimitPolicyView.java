package com.chatpay.limits.policy;

import com.chatpay.common.money.Money;
import java.time.Instant;

/** A country's policy as ops read it. */
public record LimitPolicyView(String country, String currency, Money perPaymentMax, Money windowMax, String window,
        String timeZone, Integer maxPaymentsPerWindow, boolean refundRestoresHeadroom, Instant updatedAt,
        String updatedBy) {

    static LimitPolicyView of(LimitPolicyEntity e) {
        return new LimitPolicyView(e.country, e.currency, Money.of(e.perPaymentMax, e.currency),
                Money.of(e.windowMax, e.currency), e.windowKind, e.timeZone, e.maxPaymentsPerWindow,
                e.refundRestoresHeadroom, e.updatedAt, e.updatedBy);
    }
}
