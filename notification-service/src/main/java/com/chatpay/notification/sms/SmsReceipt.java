package com.chatpay.notification.sms;

/** The operator's answer: its message id, and whether that message had already been sent by an earlier call. */
public record SmsReceipt(String messageId, boolean alreadySent) {
}
