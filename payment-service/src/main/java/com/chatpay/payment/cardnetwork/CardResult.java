package com.chatpay.payment.cardnetwork;

/**
 * The answer of the card network to one call: approved, declined with a stable reason code, or no answer in time
 * (the outcome is unknown; the caller compensates with the same idempotency reference).
 */
public record CardResult(Outcome outcome, String reason) {

    public enum Outcome { APPROVED, DECLINED, TIMED_OUT }

    public static final String CARD_DECLINED = "CARD_DECLINED";
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String CARD_NETWORK_TIMEOUT = "CARD_NETWORK_TIMEOUT";
    public static final String CARD_NETWORK_ERROR = "CARD_NETWORK_ERROR";
    public static final String PAYOUT_FAILED = "PAYOUT_FAILED";
    public static final String NO_HOLD = "NO_HOLD";
    public static final String NO_PAYOUT = "NO_PAYOUT";

    public static CardResult approved() {
        return new CardResult(Outcome.APPROVED, null);
    }

    public static CardResult declined(String reason) {
        return new CardResult(Outcome.DECLINED, reason);
    }

    public static CardResult timedOut() {
        return new CardResult(Outcome.TIMED_OUT, CARD_NETWORK_TIMEOUT);
    }

    public boolean isApproved() {
        return outcome == Outcome.APPROVED;
    }
}
