package com.chatpay.payment.payment;

/** Error codes of payment-service's API (in addition to the shared {@code ErrorCodes}). */
public final class PaymentErrors {
    public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String AUTHORIZATION_INVALID = "AUTHORIZATION_INVALID";
    public static final String AUTHORIZATION_ALREADY_USED = "AUTHORIZATION_ALREADY_USED";
    public static final String PAYER_BLOCKED = "PAYER_BLOCKED";
    public static final String SELF_PAYMENT = "SELF_PAYMENT";
    public static final String CURRENCY_NOT_SUPPORTED = "CURRENCY_NOT_SUPPORTED";
    public static final String PAYEE_IN_OTHER_COUNTRY = "PAYEE_IN_OTHER_COUNTRY";
    public static final String PAYMENT_NOT_AWAITING_PAYEE = "PAYMENT_NOT_AWAITING_PAYEE";
    public static final String PAYMENT_PAYOUT_UNDER_WAY = "PAYMENT_PAYOUT_UNDER_WAY";
    public static final String PAYMENT_NOT_COMPLETED = "PAYMENT_NOT_COMPLETED";
    public static final String REFUND_FAILED = "REFUND_FAILED";
    public static final String CARD_NETWORK_UNAVAILABLE = "CARD_NETWORK_UNAVAILABLE";
    public static final String DISPUTE_ALREADY_OPEN = "DISPUTE_ALREADY_OPEN";
    public static final String DISPUTE_NOT_OPEN = "DISPUTE_NOT_OPEN";
    public static final String NOTHING_TO_RECONCILE = "NOTHING_TO_RECONCILE";
    public static final String RECONCILIATION_PENDING = "RECONCILIATION_PENDING";
    public static final String NO_RECONCILIATION_PENDING = "NO_RECONCILIATION_PENDING";
    public static final String FOUR_EYES_REQUIRED = "FOUR_EYES_REQUIRED";

    private PaymentErrors() {
    }
}
