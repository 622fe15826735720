package com.chatpay.onboarding.activation;

/** A code's life: PENDING until USED, EXHAUSTED (too many wrong entries), EXPIRED, or SUPERSEDED by a newer code. */
public enum SmsChallengeStatus {
    PENDING,
    USED,
    EXHAUSTED,
    EXPIRED,
    SUPERSEDED
}
