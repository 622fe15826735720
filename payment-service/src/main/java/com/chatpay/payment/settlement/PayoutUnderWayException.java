package com.chatpay.payment.settlement;

/**
 * A payment waiting for its payee cannot be cancelled or declined any more: the payer's card is captured and the
 * payout to the payee is being retried, so there is no hold left to release. Nothing was changed.
 */
public class PayoutUnderWayException extends RuntimeException {

    public PayoutUnderWayException() {
        super("the payout of this payment is under way", null, false, false);
    }
}
