package com.chatpay.notification.feed;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import com.chatpay.notification.bubble.BubbleService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code payments.events}: in-app notifications (and their pushes) for payer and payee, and the
 * conversation bubble, all in the event's consuming transaction: plain SQL on its connection, no Hibernate session
 * (one transaction per payment). PaymentRequested tells nobody.
 */
@ApplicationScoped
public class PaymentNotificationConsumer {

    private static final Set<EventType> NOTIFIED = Set.of(EventType.PAYMENT_COMPLETED, EventType.PAYMENT_AWAITING_PAYEE,
            EventType.PAYMENT_REJECTED, EventType.PAYMENT_FAILED, EventType.PAYMENT_REFUNDED,
            EventType.PAYMENT_EXPIRED, EventType.PAYMENT_CANCELLED, EventType.PAYMENT_DECLINED);

    private final IdempotentConsumer consumer;
    private final NotificationService service;
    private final BubbleService bubbles;

    public PaymentNotificationConsumer(IdempotentConsumer consumer, NotificationService service,
            BubbleService bubbles) {
        this.consumer = consumer;
        this.service = service;
        this.bubbles = bubbles;
    }

    /** One poll's events in one transaction (the inbox falls back to one at a time should it fail). */
    @Incoming("payments-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onPaymentEvents(KafkaRecordBatch<String, String> batch) {
        // PaymentRequested, half of the topic, is skipped without a transaction
        return consumer.consumeBatchOnConnection(Topics.Groups.NOTIFICATION_PAYMENTS, batch.getRecords(), NOTIFIED,
                (connection, envelope) -> {
                    PaymentEvent event = (PaymentEvent) EventCodec.payload(envelope);
                    return service.notify(connection, event, envelope.time())
                            .chain(() -> bubbles.post(connection, event, envelope.time()));
                });
    }
}
