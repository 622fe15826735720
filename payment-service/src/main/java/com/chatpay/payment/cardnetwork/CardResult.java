package com.chatpay.payment.cardnetwork;

/**
 * The answer of the card network to one call: approved, declined with a stable reason code, or no answer in time
 * (the outcome is unknown; the caller compensates with the same idempotency reference).
 */
public record CardResult(Outcome outcome, String reason) {

    /**
     * UNAVAILABLE: the call was not made (circuit open) or failed with transient errors on every retry; nothing is
     * known to have happened, and the caller tries the step again later rather than deciding anything.
     */
    public enum Outcome { APPROVED, DECLINED, TIMED_OUT, UNAVAILABLE }

    public static final String CARD_DECLINED = "CARD_DECLINED";
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    public static final String CARD_NETWORK_TIMEOUT = "CARD_NETWORK_TIMEOUT";
    public static final String CARD_NETWORK_ERROR = "CARD_NETWORK_ERROR";
    public static final String CARD_NETWORK_UNAVAILABLE = "CARD_NETWORK_UNAVAILABLE";
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

    public static CardResult unavailable() {
        return new CardResult(Outcome.UNAVAILABLE, CARD_NETWORK_UNAVAILABLE);
    }

    /** A network error that says nothing about the card: the same call may succeed if made again. */
    public boolean isTransientError() {
        return outcome == Outcome.DECLINED && CARD_NETWORK_ERROR.equals(reason);
    }

    public boolean isUnavailable() {
        return outcome == Outcome.UNAVAILABLE;
    }

    public boolean isApproved() {
        return outcome == Outcome.APPROVED;
    }
}
