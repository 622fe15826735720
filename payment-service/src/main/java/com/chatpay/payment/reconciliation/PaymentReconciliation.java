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
 * The settlement ops made with the payer's issuer for a step the card network refused: which step, the issuer's
 * reference, why, who proposed it and when, and, once a second operator approved it, who and when (the money is then
 * the payment's ADJUSTMENT posting). At most one per payment.
 */
@Entity
@Table(name = "payment_reconciliation")
public class PaymentReconciliation {

    /** Where a reconciliation stands: proposed by one operator, or approved by a second one and booked. */
    public enum Status {
        PENDING_APPROVAL, RECONCILED
    }

    @Id
    @Column(name = "payment_id")
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private ReconciliationStep step;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String reference;
    private String note;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "reconciled_by")
    private String reconciledBy;
    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    protected PaymentReconciliation() {
    }

    /** A reconciliation {@code by} one operator proposes, to be approved by another. */
    public static PaymentReconciliation proposed(UUID paymentId, ReconciliationStep step, String reference,
            String note, String by, Instant at) {
        PaymentReconciliation r = new PaymentReconciliation();
        r.paymentId = paymentId;
        r.step = step;
        r.status = Status.PENDING_APPROVAL;
        r.reference = reference;
        r.note = note;
        r.requestedBy = by;
        r.requestedAt = at.truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    /** Whether {@code operator} may approve it: it is pending and someone else proposed it (four eyes). */
    public boolean approvableBy(String operator) {
        return status == Status.PENDING_APPROVAL && !requestedBy.equals(operator);
    }

    /** A second operator approved it; the caller books its ADJUSTMENT in the same transaction. */
    public void approve(String by, Instant at) {
        if (!approvableBy(by)) {
            throw new IllegalStateException("reconciliation of " + paymentId + " is " + status
                    + " and was proposed by " + requestedBy + ": " + by + " cannot approve it");
        }
        status = Status.RECONCILED;
        reconciledBy = by;
        reconciledAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID paymentId() {
        return paymentId;
    }

    public ReconciliationStep step() {
        return step;
    }

    public Status status() {
        return status;
    }

    public String reference() {
        return reference;
    }

    public String note() {
        return note;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** The approver; null while pending. */
    public String reconciledBy() {
        return reconciledBy;
    }

    /** When it was approved and booked; null while pending. */
    public Instant reconciledAt() {
        return reconciledAt;
    }
}
