package com.chatpay.limits.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored form of a {@link Policy}. */
@Entity
@Table(name = "limit_policy")
public class LimitPolicyEntity extends PanacheEntityBase {

    @Id
    public String country;
    public String currency;
    @Column(name = "per_payment_max")
    public long perPaymentMax;
    @Column(name = "window_max")
    public long windowMax;
    @Column(name = "window_kind")
    public String windowKind;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "max_payments_per_window")
    public Integer maxPaymentsPerWindow;
    @Column(name = "refund_restores_headroom")
    public boolean refundRestoresHeadroom;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public Policy toPolicy() {
        return new Policy(country, currency, perPaymentMax, windowMax, LimitWindow.parse(windowKind, timeZone),
                maxPaymentsPerWindow, refundRestoresHeadroom);
    }
}
