package com.chatpay.limits.usage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The limits decision on one payment and what became of it. */
@Entity
@Table(name = "reservation")
public class Reservation extends PanacheEntityBase {

    /** RESERVED counts until released; CONSUMED counts while its completion time is in the window. */
    public enum Status { RESERVED, CONSUMED, RELEASED, REFUNDED, REJECTED }

    @Id
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "user_id")
    public String userId;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String reason;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "consumed_at")
    public Instant consumedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
}
