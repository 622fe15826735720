package com.chatpay.payment.refund;

import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.ErrorCodes;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentErrors;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.settlement.PaymentSettlement;
import com.chatpay.payment.settlement.RefundOutcome;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Refunds (by the payee or ops) and disputes (opened by the payer, resolved by ops). Every method locks the payment
 * first, then its dispute, so a payee's refund and an ops resolution of the same payment are serialised. A refund
 * closes the payment's open dispute, if any.
 */
@ApplicationScoped
public class RefundService {

    /** The name the dispute queue's cursors carry. */
    public static final String DISPUTES = "disputes";

    /** A refund attempt: the payment as it is now, and whether the card network refunded it. */
    public record RefundAttempt(Payment payment, RefundOutcome outcome) {
    }

    /** A dispute resolution: the dispute as it is now, and the refund attempt if ops chose to refund. */
    public record Resolution(Dispute dispute, RefundOutcome refund) {
    }

    private final PaymentRepository payments;
    private final DisputeRepository disputes;
    private final PaymentRefundRepository refunds;
    private final PaymentSettlement settlement;
    private final Clock clock;

    public RefundService(PaymentRepository payments, DisputeRepository disputes, PaymentRefundRepository refunds,
            PaymentSettlement settlement, Clock clock) {
        this.payments = payments;
        this.disputes = disputes;
        this.refunds = refunds;
        this.settlement = settlement;
        this.clock = clock;
    }

    /** The payee (or ops) refunds a COMPLETED payment in full. */
    @WithTransaction
    public Uni<RefundAttempt> refund(UUID paymentId, String callerId, boolean ops, String note) {
        return payments.findForUpdate(paymentId).chain(payment -> {
            if (payment == null || !(ops || payment.involves(callerId))) {
                return Uni.createFrom().failure(ApiException.notFound("No such payment."));
            }
            if (!ops && !payment.payeeId().equals(callerId)) {
                return Uni.createFrom().failure(ApiException.forbidden(ErrorCodes.FORBIDDEN,
                        "Only the payee can refund a payment."));
            }
            if (payment.status() != PaymentStatus.COMPLETED) {
                return Uni.createFrom().failure(notCompleted(payment, "refunded"));
            }
            String code = ops ? Payment.REFUNDED_BY_OPS : Payment.REFUNDED_BY_PAYEE;
            return refundLocked(payment, callerId, ops, note, code)
                    .map(outcome -> new RefundAttempt(payment, outcome));
        });
    }

    /** The payer disputes a COMPLETED payment; the payment stays COMPLETED until ops decide. */
    @WithTransaction
    public Uni<Dispute> dispute(UUID paymentId, String callerId, String reason) {
        return payments.findForUpdate(paymentId).chain(payment -> {
            if (payment == null || !payment.involves(callerId)) {
                return Uni.createFrom().failure(ApiException.notFound("No such payment."));
            }
            if (!payment.payerId().equals(callerId)) {
                return Uni.createFrom().failure(ApiException.forbidden(ErrorCodes.FORBIDDEN,
                        "Only the payer can dispute a payment."));
            }
            if (payment.status() != PaymentStatus.COMPLETED) {
                return Uni.createFrom().failure(notCompleted(payment, "disputed"));
            }
            return disputes.openFor(paymentId).chain(open -> {
                if (open != null) {
                    return Uni.createFrom().failure(ApiException.conflict(PaymentErrors.DISPUTE_ALREADY_OPEN,
                            "This payment already has an open dispute."));
                }
                Dispute dispute = Dispute.open(paymentId, callerId, reason, clock.instant());
                return disputes.persist(dispute);
            });
        });
    }

    /** Ops resolve an OPEN dispute: refund the payment, or reject the dispute. */
    @WithTransaction
    public Uni<Resolution> resolve(UUID disputeId, String opsId, ResolveDisputeRequest.Outcome outcome, String note) {
        return disputes.paymentOf(disputeId).chain(paymentId -> {
            if (paymentId == null) {
                return Uni.createFrom().failure(ApiException.notFound("No such dispute."));
            }
            return payments.findForUpdate(paymentId).chain(payment -> disputes.findForUpdate(disputeId)
                    .chain(dispute -> {
                        if (dispute.status() != DisputeStatus.OPEN) {
                            return Uni.createFrom().failure(ApiException.conflict(PaymentErrors.DISPUTE_NOT_OPEN,
                                    "This dispute is already " + dispute.status() + "."));
                        }
                        if (outcome == ResolveDisputeRequest.Outcome.REJECT) {
                            dispute.reject(opsId, note, clock.instant());
                            return Uni.createFrom().item(new Resolution(dispute, null));
                        }
                        if (payment.status() != PaymentStatus.COMPLETED) {
                            return Uni.createFrom().failure(notCompleted(payment, "refunded"));
                        }
                        return refundLocked(payment, opsId, true, note, Payment.REFUNDED_AFTER_DISPUTE)
                                .map(refund -> new Resolution(dispute, refund));
                    }));
        });
    }

    /** Disputes for ops, oldest first, of one status or all. */
    @WithSession
    public Uni<DisputePage> queue(DisputeStatus status, PageCursor after, int limit) {
        return disputes.queue(status, after, limit + 1).map(found -> {
            List<Dispute> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = null;
            if (found.size() > limit) {
                Dispute last = page.get(page.size() - 1);
                next = new PageCursor(last.openedAt(), last.id()).encode(DISPUTES);
            }
            return new DisputePage(page.stream().map(DisputeView::of).toList(), next);
        });
    }

    /** Refunds a locked COMPLETED payment; once refunded, records who and why, and closes its open dispute. */
    private Uni<RefundOutcome> refundLocked(Payment payment, String by, boolean ops, String note, String code) {
        return settlement.refund(payment, code).chain(outcome -> {
            if (!outcome.refunded()) {
                return Uni.createFrom().item(outcome);
            }
            return recordRefund(payment, by, ops, note).replaceWith(outcome);
        });
    }

    /**
     * Records who refunded a payment (locked, just REFUNDED) and why, and closes its open dispute, if any, as refunded.
     */
    public Uni<Void> recordRefund(Payment payment, String by, boolean ops, String note) {
        Instant now = clock.instant();
        return refunds.persist(PaymentRefund.of(payment.id(), by, ops, note, now))
                .chain(() -> disputes.openFor(payment.id()))
                .invoke(open -> {
                    if (open != null) {
                        open.refunded(by, note, now);
                    }
                })
                .replaceWithVoid();
    }

    /** Whether the payment has an open dispute. */
    public Uni<Boolean> disputed(UUID paymentId) {
        return disputes.openFor(paymentId).map(open -> open != null);
    }

    private static ApiException notCompleted(Payment payment, String verb) {
        return ApiException.conflict(PaymentErrors.PAYMENT_NOT_COMPLETED,
                "Only a completed payment can be " + verb + "; this one is " + payment.status() + ".");
    }
}
