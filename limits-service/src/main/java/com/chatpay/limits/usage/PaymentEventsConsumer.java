package com.chatpay.limits.usage;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import com.chatpay.common.inbox.IdempotentConsumer.ConnectionEffect;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Limits follow the payment: reserve on request, consume on completion, release on any end without money moving,
 * give back on refund. Each event has its effect once (inbox), in order per payer (Kafka key).
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    private final IdempotentConsumer inbox;
    private final UsageService usage;
    /**
     * What limits does with each payment event, and so which it handles: any other (PaymentAwaitingPayee, a type this
     * version does not know) costs no transaction. Each runs in the inbox's plain SQL transaction, on its connection.
     */
    private final Map<EventType, ConnectionEffect> effects = new EnumMap<>(EventType.class);

    public PaymentEventsConsumer(IdempotentConsumer inbox, UsageService usage) {
        this.inbox = inbox;
        this.usage = usage;
        effects.put(EventType.PAYMENT_REQUESTED, (connection, envelope) ->
                usage.decide(connection, EventCodec.payload(envelope, PaymentRequested.class)));
        effects.put(EventType.PAYMENT_COMPLETED, (connection, envelope) -> {
            PaymentCompleted completed = EventCodec.payload(envelope, PaymentCompleted.class);
            return usage.consume(connection, completed.paymentId(), completed.completedAt());
        });
        for (EventType end : List.of(EventType.PAYMENT_REJECTED, EventType.PAYMENT_FAILED, EventType.PAYMENT_EXPIRED,
                EventType.PAYMENT_CANCELLED, EventType.PAYMENT_DECLINED)) {
            effects.put(end, (connection, envelope) -> usage.release(connection, paymentIdOf(envelope)));
        }
        effects.put(EventType.PAYMENT_REFUNDED,
                (connection, envelope) -> usage.refund(connection, paymentIdOf(envelope)));
    }

    /** One poll's events in one transaction (the inbox falls back to one at a time should it fail). */
    @Incoming("payments-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onPaymentEvents(KafkaRecordBatch<String, String> batch) {
        return consume(batch.getRecords());
    }

    /** The records of one poll, each acknowledged (or not, for the dead-letter topic) once consumed. */
    Uni<Void> consume(List<? extends Message<String>> records) {
        // the inbox hands over only the types in effects
        return inbox.consumeBatchOnConnection(Topics.Groups.LIMITS_PAYMENTS, records, effects.keySet(),
                (connection, envelope) -> effects.get(EventCodec.typeOf(envelope).orElseThrow())
                        .apply(connection, envelope));
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String json) {
        return inbox.consumeOnConnection(Topics.Groups.LIMITS_USERS, json, Set.of(EventType.PAYMENTS_ACTIVATED),
                (connection, envelope) -> {
                    PaymentsActivated activated = EventCodec.payload(envelope, PaymentsActivated.class);
                    return usage.rememberCountry(connection, activated.userId(), activated.country());
                });
    }

    private static UUID paymentIdOf(EventEnvelope envelope) {
        return ((PaymentEvent) EventCodec.payload(envelope)).paymentId();
    }
}
