package com.chatpay.notification.push;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device's push token, owned by the user who last registered it. */
@Entity
@Table(name = "push_token")
public class PushToken extends PanacheEntityBase {

    @Id
    public String token;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
