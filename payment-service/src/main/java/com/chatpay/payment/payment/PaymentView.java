package com.chatpay.payment.payment;

import java.time.Instant;
import java.util.UUID;

/** A payment as the API shows it to its payer, its payee or ops. */
public record PaymentView(UUID paymentId, String payerId, String payeeId, String conversationId, Amount amount,
        String message, PaymentStatus status, String reason, Instant createdAt, Instant updatedAt) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id(), p.payerId(), p.payeeId(), p.conversationId(), Amount.of(p.amount()),
                p.message(), p.status(), p.reason(), p.createdAt(), p.updatedAt());
    }
}
