package com.chatpay.payment.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** A payer's dispute of a completed payment; the payment stays COMPLETED until ops refund it. */
@Entity
@Table(name = "dispute")
public class Dispute {

    @Id
    private UUID id;
    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "payer_id")
    private String payerId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolution_note")
    private String resolutionNote;
    @Version
    private long version;

    protected Dispute() {
    }

    public static Dispute open(UUID paymentId, String payerId, String reason, Instant now) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.paymentId = Objects.requireNonNull(paymentId);
        d.payerId = Objects.requireNonNull(payerId);
        d.reason = Objects.requireNonNull(reason);
        d.status = DisputeStatus.OPEN;
        d.openedAt = now.truncatedTo(ChronoUnit.MICROS);
        return d;
    }

    /** The payment was refunded (by ops resolving this dispute, or by the payee meanwhile). */
    public void refunded(String by, String note, Instant at) {
        close(DisputeStatus.REFUNDED, by, note, at);
    }

    /** Ops found the dispute unfounded; the payment stays COMPLETED. */
    public void reject(String by, String note, Instant at) {
        close(DisputeStatus.REJECTED, by, note, at);
    }

    private void close(DisputeStatus outcome, String by, String note, Instant at) {
        if (status != DisputeStatus.OPEN) {
            throw new IllegalStateException("dispute " + id + " is already " + status);
        }
        status = outcome;
        resolvedBy = by;
        resolutionNote = note;
        resolvedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public String payerId() {
        return payerId;
    }

    public String reason() {
        return reason;
    }

    public DisputeStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String resolutionNote() {
        return resolutionNote;
    }
}
