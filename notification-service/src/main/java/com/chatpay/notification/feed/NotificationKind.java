package com.chatpay.notification.feed;

/** What a notification tells its user; one notification per (user, payment, kind). */
public enum NotificationKind {
    /** Payer: the payment completed. */
    PAYMENT_SENT,
    /** Payee: money arrived on the card. */
    PAYMENT_RECEIVED,
    /** Payer: the payment waits for the payee to activate payments. */
    PAYMENT_AWAITING_PAYEE,
    /** Payee: money waits for them to add a card. */
    MONEY_WAITING,
    /** Payer: refused before any money moved (limits, eligibility). */
    PAYMENT_REJECTED,
    /** Payer: the card network declined or failed. */
    PAYMENT_FAILED,
    /** Both: a completed payment was refunded. */
    PAYMENT_REFUNDED,
    /** Both: the payee did not activate in time. */
    PAYMENT_EXPIRED,
    /** Both: the payer cancelled while it waited. */
    PAYMENT_CANCELLED,
    /** Both: the payee declined it. */
    PAYMENT_DECLINED
}
