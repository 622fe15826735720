package com.chatpay.onboarding.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A country's rollout setting. A country without a row is closed. */
@Entity
@Table(name = "country_rollout")
public class CountryRollout {

    /** ISO 3166-1 alpha-2. */
    @Id
    public String country;

    public boolean enabled;

    /** 0..100: the share of the country's users admitted. */
    public int percentage;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The operator (JWT subject) of the last change. */
    @Column(name = "updated_by")
    public String updatedBy;

    public boolean admits(String userId) {
        return RolloutPolicy.admits(enabled, percentage, country, userId);
    }
}
