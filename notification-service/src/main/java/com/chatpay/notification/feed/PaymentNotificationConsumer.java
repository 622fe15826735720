package com.chatpay.notification.feed;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code payments.events}: in-app notifications for payer and payee. PaymentRequested tells nobody. */
@ApplicationScoped
public class PaymentNotificationConsumer {

    private static final Set<EventType> NOTIFIED = Set.of(EventType.PAYMENT_COMPLETED, EventType.PAYMENT_AWAITING_PAYEE,
            EventType.PAYMENT_REJECTED, EventType.PAYMENT_FAILED, EventType.PAYMENT_REFUNDED,
            EventType.PAYMENT_EXPIRED, EventType.PAYMENT_CANCELLED, EventType.PAYMENT_DECLINED);

    private final IdempotentConsumer consumer;
    private final NotificationService service;

    public PaymentNotificationConsumer(IdempotentConsumer consumer, NotificationService service) {
        this.consumer = consumer;
        this.service = service;
    }

    @Incoming("payments-events")
    public Uni<Void> onPaymentEvent(String json) {
        return consumer.consume(Topics.Groups.NOTIFICATION_PAYMENTS, json, envelope -> {
            EventType type = EventCodec.typeOf(envelope).orElse(null);
            if (type == null || !NOTIFIED.contains(type)) {
                return Uni.createFrom().voidItem();
            }
            return service.notify((PaymentEvent) EventCodec.payload(envelope));
        });
    }
}
