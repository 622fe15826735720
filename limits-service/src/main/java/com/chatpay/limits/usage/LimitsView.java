package com.chatpay.limits.usage;

import com.chatpay.common.money.Money;
import com.chatpay.limits.policy.Policy;
import java.time.Instant;

/** What a user can still send: {@code remaining} now, and when the oldest counted amount frees up. */
public record LimitsView(String currency, Money perPaymentMax, Money windowMax, String window, Money used,
        Money reserved, Money remaining, Instant nextReleaseAt) {

    static LimitsView of(Policy policy, LimitRules.Headroom headroom) {
        return new LimitsView(policy.currency(), policy.perPaymentLimit(), policy.windowLimit(),
                policy.window().label(), headroom.used(), headroom.reserved(), headroom.remaining(),
                headroom.nextReleaseAt());
    }
}
