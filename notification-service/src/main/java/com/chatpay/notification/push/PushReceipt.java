package com.chatpay.notification.push;

/** The push service's answer: its message id, and whether it had already accepted the same push. */
public record PushReceipt(String messageId, boolean alreadySent) {
}
