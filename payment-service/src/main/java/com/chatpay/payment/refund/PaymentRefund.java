package com.chatpay.payment.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Who refunded a payment and the note they gave (the payment's reason holds the stable code). */
@Entity
@Table(name = "payment_refund")
public class PaymentRefund {

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "by_ops")
    private boolean byOps;
    private String note;
    @Column(name = "refunded_at")
    private Instant refundedAt;

    protected PaymentRefund() {
    }

    public static PaymentRefund of(UUID paymentId, String requestedBy, boolean byOps, String note, Instant at) {
        PaymentRefund r = new PaymentRefund();
        r.paymentId = paymentId;
        r.requestedBy = requestedBy;
        r.byOps = byOps;
        r.note = note;
        r.refundedAt = at.truncatedTo(ChronoUnit.MICROS);
        return r;
    }
}
