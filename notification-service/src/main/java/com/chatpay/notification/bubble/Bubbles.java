package com.chatpay.notification.bubble;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import java.time.Instant;
import java.util.Optional;

/**
 * Which payment events post a bubble into their conversation, in plain Java: PaymentCompleted and
 * PaymentAwaitingPayee, and what becomes of a waiting payment (PaymentExpired, PaymentCancelled, PaymentDeclined).
 * Nothing else (requested, rejected, failed, refunded) shows in the conversation, and a payment made outside a
 * conversation ({@code conversationId} null) has nowhere to post.
 */
public final class Bubbles {

    private Bubbles() {
    }

    /** The bubble of {@code event}, if it has one; {@code eventTime} dates states whose payload carries no time. */
    public static Optional<Bubble> of(PaymentEvent event, Instant eventTime) {
        String conversationId = conversationId(event);
        if (conversationId == null || conversationId.isBlank()) {
            return Optional.empty();
        }
        if (event instanceof PaymentCompleted e) {
            return bubble(e, conversationId, BubbleStatus.COMPLETED, e.message(), e.completedAt());
        }
        if (event instanceof PaymentAwaitingPayee e) {
            return bubble(e, conversationId, BubbleStatus.AWAITING_PAYEE, e.message(), eventTime);
        }
        if (event instanceof PaymentExpired e) {
            return bubble(e, conversationId, BubbleStatus.EXPIRED, null, e.expiredAt());
        }
        if (event instanceof PaymentCancelled e) {
            return bubble(e, conversationId, BubbleStatus.CANCELLED, null, e.cancelledAt());
        }
        if (event instanceof PaymentDeclined e) {
            return bubble(e, conversationId, BubbleStatus.DECLINED, null, e.declinedAt());
        }
        return Optional.empty();
    }

    private static Optional<Bubble> bubble(PaymentEvent e, String conversationId, BubbleStatus status, String message,
            Instant occurredAt) {
        return Optional.of(new Bubble(conversationId, e.paymentId(), status, e.amount(), message, e.payerId(),
                e.payeeId(), occurredAt));
    }

    private static String conversationId(PaymentEvent event) {
        if (event instanceof PaymentCompleted e) {
            return e.conversationId();
        }
        if (event instanceof PaymentAwaitingPayee e) {
            return e.conversationId();
        }
        if (event instanceof PaymentExpired e) {
            return e.conversationId();
        }
        if (event instanceof PaymentCancelled e) {
            return e.conversationId();
        }
        if (event instanceof PaymentDeclined e) {
            return e.conversationId();
        }
        return null;
    }
}
