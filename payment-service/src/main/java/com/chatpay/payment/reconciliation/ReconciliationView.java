package com.chatpay.payment.reconciliation;

import com.chatpay.payment.payment.Amount;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.reconciliation.PaymentReconciliation.Status;
import java.time.Instant;
import java.util.UUID;

/**
 * A reconciliation as ops see it: the step to settle, the amount given back to the payer, who proposed it and, once
 * approved and booked, who approved it, and the payment now.
 */
public record ReconciliationView(UUID paymentId, ReconciliationStep step, Status status, Amount amount,
        String reference, String note, String requestedBy, Instant requestedAt, String reconciledBy,
        Instant reconciledAt, PaymentStatus paymentStatus) {

    public static ReconciliationView of(PaymentReconciliation r, Payment payment) {
        return new ReconciliationView(r.paymentId(), r.step(), r.status(), Amount.of(payment.amount()), r.reference(),
                r.note(), r.requestedBy(), r.requestedAt(), r.reconciledBy(), r.reconciledAt(), payment.status());
    }
}
