package com.chatpay.payment.reconciliation;

import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Ops booked the settlement they made with the payer's issuer for a step the card network refused: which step, the
 * issuer's reference, why, who and when (the money is the payment's ADJUSTMENT posting).
 */
@Entity
@Table(name = "payment_reconciliation")
public class PaymentReconciliation {

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private ReconciliationStep step;
    private String reference;
    private String note;
    @Column(name = "reconciled_by")
    private String reconciledBy;
    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    protected PaymentReconciliation() {
    }

    public static PaymentReconciliation of(UUID paymentId, ReconciliationStep step, String reference, String note,
            String by, Instant at) {
        PaymentReconciliation r = new PaymentReconciliation();
        r.paymentId = paymentId;
        r.step = step;
        r.reference = reference;
        r.note = note;
        r.reconciledBy = by;
        r.reconciledAt = at.truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public ReconciliationStep step() {
        return step;
    }

    public String reference() {
        return reference;
    }

    public String note() {
        return note;
    }

    public String reconciledBy() {
        return reconciledBy;
    }

    public Instant reconciledAt() {
        return reconciledAt;
    }
}
