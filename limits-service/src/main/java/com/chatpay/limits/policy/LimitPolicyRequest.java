package com.chatpay.limits.policy;

import com.chatpay.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new policy for a country. Amounts are integer minor units in {@code currency}. */
public record LimitPolicyRequest(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
        @NotNull @Valid Money perPaymentMax,
        @NotNull @Valid Money windowMax,
        @NotNull @Pattern(regexp = "P\\d{1,3}D|CALENDAR_MONTH", message = "must look like P30D or be CALENDAR_MONTH")
        String window,
        String timeZone,
        @Min(1) @Max(100000) Integer maxPaymentsPerWindow,
        Boolean refundRestoresHeadroom) {
}
