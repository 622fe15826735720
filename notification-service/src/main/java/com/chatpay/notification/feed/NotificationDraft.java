package com.chatpay.notification.feed;

/** A notification to create: for whom, of what kind, with which text (already in the user's language). */
public record NotificationDraft(String userId, NotificationKind kind, String text) {
}
