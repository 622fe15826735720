package com.chatpay.payment.settlement;

/** How a refund attempt ended: refunded, or refused by the card network with its reason code. */
public record RefundOutcome(boolean refunded, String failureReason) {

    public static final RefundOutcome REFUNDED = new RefundOutcome(true, null);

    public static RefundOutcome failed(String reason) {
        return new RefundOutcome(false, reason);
    }
}
