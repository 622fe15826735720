package com.chatpay.payment.ledger;

/** A posting whose debits and credits differ in some currency: it is refused, never booked. */
public class UnbalancedPostingException extends IllegalArgumentException {

    public UnbalancedPostingException(String message) {
        super(message);
    }
}
