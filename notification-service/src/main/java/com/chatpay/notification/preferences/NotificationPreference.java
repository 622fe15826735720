package com.chatpay.notification.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's notification preferences; a user without a row has the defaults (nothing muted). */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "mute_payments_received")
    public boolean mutePaymentsReceived;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
