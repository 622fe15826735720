package com.chatpay.notification.bubble;

import com.chatpay.common.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of a conversation bubble, as POSTed to the messaging platform's webhook (in this field order):
 * {@code {conversationId, paymentId, status, amount:{value,currency}, message, payerId, payeeId, occurredAt}}.
 * {@code status} is the payment's state ({@link BubbleStatus}); {@code message} is the payer's note, null when none
 * (or when the event does not carry it); {@code occurredAt} is when the payment reached the state.
 */
public record Bubble(String conversationId, UUID paymentId, BubbleStatus status, Money amount, String message,
        String payerId, String payeeId, Instant occurredAt) {
}
