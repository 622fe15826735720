package com.chatpay.payment.reconciliation;

import com.chatpay.payment.payment.Amount;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentStatus;
import java.time.Instant;
import java.util.UUID;

/** A booked reconciliation as ops see it: the step settled, the amount given back to the payer, and the payment now. */
public record ReconciliationView(UUID paymentId, ReconciliationStep step, Amount amount, String reference, String note,
        String reconciledBy, Instant reconciledAt, PaymentStatus paymentStatus) {

    public static ReconciliationView of(PaymentReconciliation r, Payment payment) {
        return new ReconciliationView(r.paymentId(), r.step(), Amount.of(payment.amount()), r.reference(), r.note(),
                r.reconciledBy(), r.reconciledAt(), payment.status());
    }
}
