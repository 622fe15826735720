package com.chatpay.onboarding.rollout;

import java.time.Instant;

/** A country's rollout as ops see it; {@code updatedAt}/{@code updatedBy} are null for a country never set. */
public record RolloutView(String country, boolean enabled, int percentage, Instant updatedAt, String updatedBy) {

    static RolloutView of(String country, CountryRollout rollout) {
        return rollout == null ? new RolloutView(country, false, 0, null, null)
                : new RolloutView(rollout.country, rollout.enabled, rollout.percentage, rollout.updatedAt,
                        rollout.updatedBy);
    }
}
