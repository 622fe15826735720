package com.chatpay.payment.cardnetwork;

/**
 * What the card network knows of one reference, as {@link CardNetwork#status} reports it: where the payer's
 * authorization stands and whether a payout was made. It settles calls whose answer was lost (timed out).
 */
public record CardStatus(Authorization authorization, Payout payout) {

    public enum Authorization { NONE, HELD, CAPTURED, VOIDED, REVERSED, REFUNDED }

    public enum Payout { NONE, PAID_OUT, REVERSED }

    /** The network could not be asked either: nothing is known. */
    public static final CardStatus UNKNOWN = new CardStatus(null, null);

    public boolean isKnown() {
        return authorization != null && payout != null;
    }
}
