package com.chatpay.notification.delivery;

/**
 * What one attempt of a {@link DeliverySender} came to. Error texts name what went wrong without any message
 * content (no code, no text, no token): they are stored in {@code last_error} and logged.
 */
public sealed interface SendOutcome {

    /** Accepted; {@code duplicate} when the provider reports it had already accepted the same message. */
    record Sent(boolean duplicate) implements SendOutcome {
    }

    /** Failed in a way a later attempt may not (refused, timed out, 5xx): retried with backoff. */
    record Retry(String error) implements SendOutcome {
    }

    /** Can never succeed (the content cannot be sent, or a code expired): FAILED at once. */
    record GiveUp(String error, boolean expired) implements SendOutcome {
    }

    /** Nowhere to send it (the channel is not configured): SKIPPED. */
    record Skip(String reason) implements SendOutcome {
    }
}
