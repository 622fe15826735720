package com.chatpay.payment.settlement;

/** A step asked for by a person could not run because the card network is unavailable; nothing was changed. */
public class CardNetworkUnavailableException extends RuntimeException {

    public CardNetworkUnavailableException() {
        super("the card network is unavailable", null, false, false);
    }
}
