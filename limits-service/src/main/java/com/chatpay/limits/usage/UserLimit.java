package com.chatpay.limits.usage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user as limits-service knows them: their country (from onboarding events) and the row each decision locks. */
@Entity
@Table(name = "user_limit")
public class UserLimit extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public String userId;
    public String country;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
