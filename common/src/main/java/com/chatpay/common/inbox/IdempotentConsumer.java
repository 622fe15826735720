package com.chatpay.common.inbox;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Exactly-once effects over at-least-once delivery: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivered event finds its id and does nothing. An event that can never
 * be processed (malformed) fails at once and goes to the consumer's dead-letter topic; anything else (database
 * down, a restart under way) is retried with backoff, holding the partition so order is kept.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final MeterRegistry registry;
    private final Duration retryFor;

    public IdempotentConsumer(MeterRegistry registry,
            @ConfigProperty(name = "chatpay.consumer.retry-for", defaultValue = "PT5M") Duration retryFor) {
        this.registry = registry;
        this.retryFor = retryFor;
    }

    /**
     * Parses {@code json} and runs {@code effect} once per event id for {@code consumerGroup}, in one transaction
     * with the id's record. The effect runs inside that transaction, so it may use the Panache session and the
     * outbox freely.
     */
    public Uni<Void> consume(String consumerGroup, String json, Function<EventEnvelope, Uni<Void>> effect) {
        return parseAndConsume(consumerGroup, json, envelope -> true, effect);
    }

    /**
     * As {@link #consume(String, String, Function)} for a consumer that acts on some event types only: an event of any
     * other type (or of a type this version does not know) is acknowledged without a transaction. Doing nothing is
     * idempotent, so there is nothing to record; on a topic most of whose events a consumer skips, that saves a
     * transaction per event (notification-service and PaymentRequested, one per payment).
     */
    public Uni<Void> consume(String consumerGroup, String json, Set<EventType> handled,
            Function<EventEnvelope, Uni<Void>> effect) {
        return parseAndConsume(consumerGroup, json,
                envelope -> EventCodec.typeOf(envelope).map(handled::contains).orElse(false), effect);
    }

    private Uni<Void> parseAndConsume(String consumerGroup, String json, Predicate<EventEnvelope> handled,
            Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.parse(json);
        } catch (MalformedEventException e) {
            count(consumerGroup, "malformed");
            LOG.warnf("%s: malformed event sent to the dead-letter topic: %s", consumerGroup, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        if (!handled.test(envelope)) {
            count(consumerGroup, "skipped");
            return Uni.createFrom().voidItem();
        }
        return consume(consumerGroup, envelope, effect);
    }

    private Uni<Void> consume(String consumerGroup, EventEnvelope envelope, Function<EventEnvelope, Uni<Void>> effect) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> recordFirstDelivery(consumerGroup, envelope)
                        .chain(first -> {
                            if (!first) {
                                count(consumerGroup, "duplicate");
                                return Uni.createFrom().voidItem();
                            }
                            return effect.apply(envelope).invoke(() -> count(consumerGroup, "processed"));
                        })))
                .onFailure(e -> !(e instanceof MalformedEventException))
                .invoke(e -> LOG.warnf("%s: event %s (%s) not processed yet, will retry: %s", consumerGroup,
                        envelope.id(), envelope.type(), e.toString()))
                .onFailure(e -> !(e instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).expireIn(retryFor.toMillis())
                .onFailure(MalformedEventException.class)
                .invoke(e -> {
                    count(consumerGroup, "malformed");
                    LOG.warnf("%s: event %s (%s) sent to the dead-letter topic: %s", consumerGroup, envelope.id(),
                            envelope.type(), e.getMessage());
                });
    }

    private Uni<Boolean> recordFirstDelivery(String consumerGroup, EventEnvelope envelope) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer_group, event_id, event_type) VALUES (:group, :id, :type) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("group", consumerGroup)
                .setParameter("id", envelope.id())
                .setParameter("type", envelope.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private void count(String consumerGroup, String outcome) {
        registry.counter("chatpay_events_consumed_total", "consumer", consumerGroup, "outcome", outcome).increment();
    }
}
