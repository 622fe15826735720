package com.chatpay.payment.refund;

/** OPEN until ops resolve it: REFUNDED (the payment was refunded, by ops or its payee) or REJECTED. */
public enum DisputeStatus {
    OPEN,
    REFUNDED,
    REJECTED
}
