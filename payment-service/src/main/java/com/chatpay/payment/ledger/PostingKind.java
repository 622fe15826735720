package com.chatpay.payment.ledger;

/** What a posting records; a payment has at most one posting of each kind. */
public enum PostingKind {
    /** The payer's card is authorized (memo). */
    HOLD,
    /** The hold ends: captured or voided (memo). */
    HOLD_RELEASE,
    /** The payer's card is charged: payer funding → platform clearing. */
    CAPTURE,
    /** Pushed to the payee's card: platform clearing → payee payout. */
    PAYOUT,
    /** A capture given back after the payout failed: platform clearing → payer funding. */
    REVERSAL,
    /** A payout taken back from the payee's card for a refund: payee payout → platform clearing. */
    PAYOUT_REVERSAL,
    /** The payer's card refunded: platform clearing → payer funding. */
    REFUND,
    /** The fixed commission of a completed payment, between the platform and the payer's bank. */
    COMMISSION,
    /** The commission of a refunded payment, given back. */
    COMMISSION_REVERSAL,
    /**
     * What ops settled with the issuer outside the network, in place of a reversal or refund the network refused:
     * platform clearing → payer funding, booked with who, why and the issuer's reference (payment_reconciliation).
     */
    ADJUSTMENT
}
