package com.chatpay.onboarding.rollout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /v1/ops/rollout/{country}}. */
public record RolloutRequest(@NotNull Boolean enabled, @NotNull @Min(0) @Max(100) Integer percentage) {
}
