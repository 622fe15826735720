package com.chatpay.payment.payment;

/** A payment was asked to move where its state machine does not allow; nothing was changed. */
public class IllegalTransitionException extends IllegalStateException {

    private final PaymentStatus from;
    private final PaymentStatus to;

    public IllegalTransitionException(PaymentStatus from, PaymentStatus to) {
        super("a payment cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }
}
