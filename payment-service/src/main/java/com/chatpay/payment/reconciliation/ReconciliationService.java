package com.chatpay.payment.reconciliation;

import com.chatpay.common.problem.ApiException;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentErrors;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.refund.RefundService;
import com.chatpay.payment.settlement.PaymentSettlement;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * Ops book the settlement they made with the payer's issuer for a reversal or refund the card network refused (the
 * ChatpayPaymentNeedsReconciliation alert): the ADJUSTMENT posting, the payment's transition for a refund, and who,
 * why and the issuer's reference, in one transaction with the payment's row locked, once per payment.
 */
@ApplicationScoped
public class ReconciliationService {

    private final PaymentRepository payments;
    private final PaymentReconciliationRepository reconciliations;
    private final PaymentSettlement settlement;
    private final RefundService refunds;
    private final Clock clock;

    public ReconciliationService(PaymentRepository payments, PaymentReconciliationRepository reconciliations,
            PaymentSettlement settlement, RefundService refunds, Clock clock) {
        this.payments = payments;
        this.reconciliations = reconciliations;
        this.settlement = settlement;
        this.refunds = refunds;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ReconciliationView> reconcile(UUID paymentId, String opsId, String reference, String note) {
        return payments.findForUpdate(paymentId).chain(payment -> {
            if (payment == null) {
                return Uni.createFrom().failure(ApiException.notFound("No such payment."));
            }
            return refunds.disputed(paymentId)
                    .chain(disputed -> settlement.reconcile(payment,
                            disputed ? Payment.REFUNDED_AFTER_DISPUTE : Payment.REFUNDED_BY_OPS))
                    .chain(step -> step.isEmpty()
                            ? nothingOpen(payment)
                            : record(payment, step.get(), opsId, reference, note));
        });
    }

    private Uni<ReconciliationView> record(Payment payment, ReconciliationStep step, String opsId, String reference,
            String note) {
        PaymentReconciliation reconciliation = PaymentReconciliation.of(payment.id(), step, reference, note, opsId,
                clock.instant());
        return (step == ReconciliationStep.REFUND
                ? refunds.recordRefund(payment, opsId, true, note)
                : Uni.createFrom().voidItem())
                .chain(() -> reconciliations.persist(reconciliation))
                .map(saved -> ReconciliationView.of(saved, payment));
    }

    private Uni<ReconciliationView> nothingOpen(Payment payment) {
        return reconciliations.findById(payment.id()).chain(done -> Uni.createFrom().failure(
                ApiException.conflict(PaymentErrors.NOTHING_TO_RECONCILE, done != null
                        ? "This payment was reconciled by " + done.reconciledBy() + " at " + done.reconciledAt() + "."
                        : "The card network refused nothing that is still open for this payment (it is "
                                + payment.status() + ").")));
    }
}
