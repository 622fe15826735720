package com.chatpay.limits.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who changed a country's policy, when, from what to what. */
@Entity
@Table(name = "limit_policy_audit")
public class LimitPolicyAudit extends PanacheEntityBase {
    @Id
    public UUID id;
    public String country;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "old_policy")
    public String oldPolicy;
    @Column(name = "new_policy")
    public String newPolicy;
}
