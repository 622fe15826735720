package com.chatpay.notification.users;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What notifications know of a user: the first name others see and the language they read. */
@Entity
@Table(name = "known_user")
public class KnownUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "locale")
    public String locale;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
