package com.chatpay.payment.payment;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
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

/**
 * A payment from a payer to a payee and its state machine ({@link PaymentStatus}). Each transition method checks
 * the move is legal (otherwise it throws {@link IllegalTransitionException} and changes nothing) and returns the
 * event that announces it, which the caller publishes through the outbox in the same transaction.
 */
@Entity
@Table(name = "payment")
public class Payment {

    public static final String EXPIRED_REASON = "PAYEE_DID_NOT_ACTIVATE";
    public static final String CANCELLED_REASON = "CANCELLED_BY_PAYER";
    public static final String DECLINED_REASON = "DECLINED_BY_PAYEE";
    public static final String REFUNDED_BY_PAYEE = "REFUNDED_BY_PAYEE";
    public static final String REFUNDED_BY_OPS = "REFUNDED_BY_OPS";
    public static final String REFUNDED_AFTER_DISPUTE = "REFUNDED_AFTER_DISPUTE";

    @Id
    private UUID id;
    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "payee_id")
    private String payeeId;
    @Column(name = "conversation_id")
    private String conversationId;
    @Column(name = "amount_value")
    private long amountValue;
    private String currency;
    private String message;
    @Column(name = "payer_country")
    private String payerCountry;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String reason;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "network_retry_at")
    private Instant networkRetryAt;
    @Version
    private long version;

    protected Payment() {
    }

    /** What a payment is for, fixed when it is requested. */
    private Payment(UUID id, String payerId, String payeeId, String conversationId, Money amount, String message,
            String payerCountry) {
        this.id = Objects.requireNonNull(id);
        this.payerId = payerId;
        this.payeeId = payeeId;
        this.conversationId = conversationId;
        this.amountValue = amount.value();
        this.currency = amount.currency();
        this.message = message;
        this.payerCountry = Objects.requireNonNull(payerCountry);
    }

    /** A new payment, {@code PENDING} until limits decide; {@link #requested()} is the event announcing it. */
    public static Payment request(UUID id, String payerId, String payeeId, String conversationId, Money amount,
            String message, String payerCountry, Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment amount must be positive");
        }
        if (payerId.equals(payeeId)) {
            throw new IllegalArgumentException("a payer cannot pay themselves");
        }
        Payment p = new Payment(id, payerId, payeeId, conversationId, amount, message, payerCountry);
        p.status = PaymentStatus.PENDING;
        // PostgreSQL keeps microseconds: what is stored is what cursors compare
        p.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        p.updatedAt = p.createdAt;
        return p;
    }

    /**
     * A payment as stored, read in plain SQL ({@link PaymentRows}) rather than by Hibernate: the same state machine,
     * whose changes {@link PaymentRows#save} writes back under the version it was read with.
     */
    static Payment restore(UUID id, String payerId, String payeeId, String conversationId, Money amount,
            String message, String payerCountry, PaymentStatus status, String reason, Instant expiresAt,
            Instant createdAt, Instant updatedAt, Instant networkRetryAt, long version) {
        Payment p = new Payment(id, payerId, payeeId, conversationId, amount, message, payerCountry);
        p.status = status;
        p.reason = reason;
        p.expiresAt = expiresAt;
        p.createdAt = createdAt;
        p.updatedAt = updatedAt;
        p.networkRetryAt = networkRetryAt;
        p.version = version;
        return p;
    }

    /** The version of the row this payment was read from or last written to (optimistic locking). */
    long version() {
        return version;
    }

    /** {@link PaymentRows#save} wrote this payment: the row's version moved on by one. */
    void versionWritten() {
        version++;
    }

    public PaymentRequested requested() {
        return new PaymentRequested(id, payerId, payeeId, conversationId, amount(), payerCountry, createdAt);
    }

    /** Money reached the payee (from PENDING, or from AWAITING_PAYEE once the payee can receive). */
    public PaymentCompleted complete(Instant at) {
        move(PaymentStatus.COMPLETED, null, at);
        expiresAt = null;
        return new PaymentCompleted(id, payerId, payeeId, conversationId, amount(), message, updatedAt);
    }

    /** Limits refused it; no money moved. */
    public PaymentRejected reject(String reason, Money remaining, Instant at) {
        move(PaymentStatus.REJECTED, requireReason(reason), at);
        return new PaymentRejected(id, payerId, payeeId, conversationId, amount(), reason, remaining, updatedAt);
    }

    /** The card network declined or failed; any hold is voided or capture reversed by the caller. */
    public PaymentFailed fail(String reason, Instant at) {
        move(PaymentStatus.FAILED, requireReason(reason), at);
        return new PaymentFailed(id, payerId, payeeId, conversationId, amount(), reason, updatedAt);
    }

    /** The payer's card is held until the payee can receive, at the latest until {@code expiresAt}. */
    public PaymentAwaitingPayee awaitPayee(Instant expiresAt, Instant at) {
        if (!expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("a payment cannot wait for its payee until a past instant");
        }
        move(PaymentStatus.AWAITING_PAYEE, null, at);
        this.expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
        return new PaymentAwaitingPayee(id, payerId, payeeId, conversationId, amount(), message, this.expiresAt);
    }

    /** The payee did not activate in time; the hold is voided. */
    public PaymentExpired expire(Instant at) {
        move(PaymentStatus.EXPIRED, EXPIRED_REASON, at);
        return new PaymentExpired(id, payerId, payeeId, conversationId, amount(), updatedAt);
    }

    public PaymentCancelled cancel(Instant at) {
        move(PaymentStatus.CANCELLED, CANCELLED_REASON, at);
        return new PaymentCancelled(id, payerId, payeeId, conversationId, amount(), updatedAt);
    }

    public PaymentDeclined decline(Instant at) {
        move(PaymentStatus.DECLINED, DECLINED_REASON, at);
        return new PaymentDeclined(id, payerId, payeeId, conversationId, amount(), updatedAt);
    }

    public PaymentRefunded refund(String reason, Instant at) {
        move(PaymentStatus.REFUNDED, requireReason(reason), at);
        return new PaymentRefunded(id, payerId, payeeId, conversationId, amount(), reason, updatedAt);
    }

    private void move(PaymentStatus target, String newReason, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        status = target;
        reason = newReason;
        networkRetryAt = null;
        updatedAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("this transition needs a reason code");
        }
        return reason;
    }

    /** Whether {@code userId} is a party of this payment (payer or payee). */
    public boolean involves(String userId) {
        return payerId.equals(userId) || payeeId.equals(userId);
    }

    public UUID id() {
        return id;
    }

    public String payerId() {
        return payerId;
    }

    public String payeeId() {
        return payeeId;
    }

    public String conversationId() {
        return conversationId;
    }

    public Money amount() {
        return new Money(amountValue, currency);
    }

    public String message() {
        return message;
    }

    public String payerCountry() {
        return payerCountry;
    }

    public PaymentStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /**
     * This payment's next card-network step is due and runs no later than from {@code at}: limits reserved the amount
     * (the step is claimed and runs at once, {@code at} is the claim's end should it not be recorded by then), or the
     * network could not be reached (the step is tried again from {@code at}). It keeps its state; any transition
     * clears this.
     */
    public void retryNetworkAt(Instant at) {
        if (status != PaymentStatus.PENDING && status != PaymentStatus.AWAITING_PAYEE) {
            throw new IllegalStateException("only a payment in progress waits for the card network, not " + status);
        }
        networkRetryAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** PENDING and no card-network step due yet: limits-service has not decided on it. */
    public boolean awaitsLimitsDecision() {
        return status == PaymentStatus.PENDING && networkRetryAt == null;
    }

    /** The network step is being tried again now. */
    public void networkRetryStarted() {
        networkRetryAt = null;
    }

    /** Whether the payment is in progress with its card-network step due at {@code at} or before. */
    public boolean networkStepDueBy(Instant at) {
        return (status == PaymentStatus.PENDING || status == PaymentStatus.AWAITING_PAYEE) && networkRetryAt != null
                && !networkRetryAt.isAfter(at);
    }

    /** When the card-network step that could not run is tried again; null if none waits. */
    public Instant networkRetryAt() {
        return networkRetryAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
