package com.chatpay.payment.reconciliation;

import com.chatpay.common.problem.ApiException;
import com.chatpay.payment.ledger.Ledger;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentErrors;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.refund.RefundService;
import com.chatpay.payment.settlement.PaymentSettlement;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Ops book the settlement they made with the payer's issuer for a reversal or refund the card network refused (the
 * ChatpayPaymentNeedsReconciliation alert), under four eyes: one operator proposes it (the issuer's reference, why),
 * a second one approves it, and only the approval books the ADJUSTMENT posting and, for a refund, the payment's
 * transition, in one transaction with the payment's row locked. Once per payment.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    private final PaymentRepository payments;
    private final PaymentReconciliationRepository reconciliations;
    private final PaymentSettlement settlement;
    private final Ledger ledger;
    private final RefundService refunds;
    private final Clock clock;

    public ReconciliationService(PaymentRepository payments, PaymentReconciliationRepository reconciliations,
            PaymentSettlement settlement, Ledger ledger, RefundService refunds, Clock clock) {
        this.payments = payments;
        this.reconciliations = reconciliations;
        this.settlement = settlement;
        this.ledger = ledger;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** {@code opsId} proposes the reconciliation of the step the network refused for the payment; nothing is booked. */
    @WithTransaction
    public Uni<ReconciliationView> propose(UUID paymentId, String opsId, String reference, String note) {
        return locked(paymentId, payment -> reconciliations.findById(paymentId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(existing.status() == PaymentReconciliation.Status.RECONCILED
                        ? reconciled(existing)
                        : ApiException.conflict(PaymentErrors.RECONCILIATION_PENDING, "A reconciliation proposed by "
                                + existing.requestedBy() + " at " + existing.requestedAt()
                                + " waits for a second operator's approval; approve or withdraw it first."));
            }
            return ledger.bookedKinds(paymentId).chain(booked -> PaymentSettlement
                    .openReconciliation(payment.status(), booked)
                    .map(step -> reconciliations.persist(PaymentReconciliation.proposed(paymentId, step, reference,
                                    note, opsId, clock.instant()))
                            .invoke(() -> LOG.infof("payment %s: %s reconciliation proposed by %s (%s)", paymentId,
                                    step, opsId, reference))
                            .map(proposed -> ReconciliationView.of(proposed, payment)))
                    .orElseGet(() -> Uni.createFrom().failure(nothingRefused(payment))));
        }));
    }

    /**
     * {@code opsId}, who did not propose it, approves the pending reconciliation: the ADJUSTMENT is booked (a refund's
     * payment REFUNDED) and the reconciliation records the approver.
     */
    @WithTransaction
    public Uni<ReconciliationView> approve(UUID paymentId, String opsId) {
        return locked(paymentId, payment -> pending(paymentId).chain(pending -> {
            if (!pending.approvableBy(opsId)) {
                return Uni.createFrom().failure(ApiException.forbidden(PaymentErrors.FOUR_EYES_REQUIRED,
                        "You proposed this reconciliation: a second operator must approve it."));
            }
            return refunds.disputed(paymentId)
                    .chain(disputed -> settlement.reconcile(payment,
                            disputed ? Payment.REFUNDED_AFTER_DISPUTE : Payment.REFUNDED_BY_OPS))
                    .chain(step -> step.isEmpty()
                            ? Uni.createFrom().failure(nothingRefused(payment))
                            : booked(payment, pending, step.get(), opsId));
        }));
    }

    /**
     * {@code opsId} withdraws the pending reconciliation (a mistaken reference, or the issuer did not confirm after
     * all); the log keeps who withdrew whose proposal.
     */
    @WithTransaction
    public Uni<Void> withdraw(UUID paymentId, String opsId) {
        return locked(paymentId, payment -> pending(paymentId).chain(pending -> {
            LOG.infof("payment %s: reconciliation proposed by %s at %s (%s) withdrawn by %s", paymentId,
                    pending.requestedBy(), pending.requestedAt(), pending.reference(), opsId);
            return reconciliations.delete(pending);
        }));
    }

    /** The payment's reconciliation, pending or booked; 404 when none was proposed. */
    @WithSession
    public Uni<ReconciliationView> find(UUID paymentId) {
        return payments.findById(paymentId).chain(payment -> payment == null ? Uni.createFrom().nullItem()
                : reconciliations.findById(paymentId).map(r -> r == null ? null : ReconciliationView.of(r, payment)))
                .onItem().ifNull().failWith(() -> ApiException.notFound("No reconciliation for this payment."));
    }

    /** The payment's proposal waiting for approval; 409 when none is, or it was approved already. */
    private Uni<PaymentReconciliation> pending(UUID paymentId) {
        return reconciliations.findById(paymentId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(ApiException.conflict(PaymentErrors.NO_RECONCILIATION_PENDING,
                        "No reconciliation was proposed for this payment."));
            }
            return r.status() == PaymentReconciliation.Status.PENDING_APPROVAL
                    ? Uni.createFrom().item(r)
                    : Uni.createFrom().failure(reconciled(r));
        });
    }

    private <T> Uni<T> locked(UUID paymentId, Function<Payment, Uni<T>> work) {
        return payments.findForUpdate(paymentId).chain(payment -> payment == null
                ? Uni.createFrom().failure(ApiException.notFound("No such payment."))
                : work.apply(payment));
    }

    private Uni<ReconciliationView> booked(Payment payment, PaymentReconciliation pending, ReconciliationStep step,
            String opsId) {
        pending.approve(opsId, clock.instant());
        LOG.infof("payment %s: %s reconciliation proposed by %s approved by %s", payment.id(), step,
                pending.requestedBy(), opsId);
        return (step == ReconciliationStep.REFUND
                ? refunds.recordRefund(payment, opsId, true, pending.note())
                : Uni.createFrom().voidItem())
                .map(ignored -> ReconciliationView.of(pending, payment));
    }

    private static ApiException reconciled(PaymentReconciliation done) {
        return ApiException.conflict(PaymentErrors.NOTHING_TO_RECONCILE, "This payment was reconciled by "
                + done.reconciledBy() + " at " + done.reconciledAt() + ".");
    }

    private static ApiException nothingRefused(Payment payment) {
        return ApiException.conflict(PaymentErrors.NOTHING_TO_RECONCILE, "The card network refused nothing that is "
                + "still open for this payment (it is " + payment.status() + ").");
    }
}
