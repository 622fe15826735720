package com.chatpay.onboarding.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The audit trail of rollout changes: who changed what, when, from what. */
@Entity
@Table(name = "country_rollout_change")
public class CountryRolloutChange {

    @Id
    public UUID id;

    public String country;

    /** Null for the country's first setting. */
    @Column(name = "old_enabled")
    public Boolean oldEnabled;

    @Column(name = "old_percentage")
    public Integer oldPercentage;

    @Column(name = "new_enabled")
    public boolean newEnabled;

    @Column(name = "new_percentage")
    public int newPercentage;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;
}
