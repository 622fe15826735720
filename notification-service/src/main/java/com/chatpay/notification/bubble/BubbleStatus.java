package com.chatpay.notification.bubble;

/** The payment states a conversation bubble shows: the payment went through, waits, or stopped waiting. */
public enum BubbleStatus {
    COMPLETED, AWAITING_PAYEE, EXPIRED, CANCELLED, DECLINED
}
