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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Limits follow the payment: reserve on request, consume on completion, release on any end without money moving,
 * give back on refund. Each event has its effect once (inbox), in order per payer (Kafka key).
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    /** What limits acts on; any other event (PaymentAwaitingPayee, a type it does not know) costs no transaction. */
    private static final Set<EventType> HANDLED = Set.of(EventType.PAYMENT_REQUESTED, EventType.PAYMENT_COMPLETED,
            EventType.PAYMENT_REJECTED, EventType.PAYMENT_FAILED, EventType.PAYMENT_EXPIRED,
            EventType.PAYMENT_CANCELLED, EventType.PAYMENT_DECLINED, EventType.PAYMENT_REFUNDED);

    private final IdempotentConsumer inbox;
    private final UsageService usage;

    public PaymentEventsConsumer(IdempotentConsumer inbox, UsageService usage) {
        this.inbox = inbox;
        this.usage = usage;
    }

    @Incoming("payments-events")
    public Uni<Void> onPaymentEvent(String json) {
        return inbox.consume(Topics.Groups.LIMITS_PAYMENTS, json, HANDLED, this::apply);
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String json) {
        return inbox.consume(Topics.Groups.LIMITS_USERS, json, Set.of(EventType.PAYMENTS_ACTIVATED), envelope -> {
            PaymentsActivated activated = EventCodec.payload(envelope, PaymentsActivated.class);
            return usage.rememberCountry(activated.userId(), activated.country());
        });
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        return switch (typeOf(envelope)) {
            case "PaymentRequested" -> usage.decide(EventCodec.payload(envelope, PaymentRequested.class));
            case "PaymentCompleted" -> {
                PaymentCompleted completed = EventCodec.payload(envelope, PaymentCompleted.class);
                yield usage.consume(completed.paymentId(), completed.completedAt());
            }
            case "PaymentRejected", "PaymentFailed", "PaymentExpired", "PaymentCancelled", "PaymentDeclined" ->
                    usage.release(((PaymentEvent) EventCodec.payload(envelope)).paymentId());
            case "PaymentRefunded" -> usage.refund(((PaymentEvent) EventCodec.payload(envelope)).paymentId());
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Types this version does not know are skipped (tolerant reader). */
    private static String typeOf(EventEnvelope envelope) {
        return EventCodec.typeOf(envelope).map(t -> t.typeName()).orElse("");
    }
}
