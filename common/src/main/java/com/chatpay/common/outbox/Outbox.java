package com.chatpay.common.outbox;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where services publish events: the event is inserted into {@code outbox_event} inside the caller's current
 * transaction, so it exists if and only if the state change commits. Calling it outside a transaction fails:
 * there is no "persist, then send" path.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final String source;

    public Outbox(Clock clock, @ConfigProperty(name = "chatpay.service-name") String serviceName) {
        this.clock = clock;
        this.source = "urn:chatpay:" + serviceName;
    }

    /**
     * Records {@code payload} for publication on its registered topic, keyed by {@code subject} (the user whose
     * events must stay in order). Must run inside {@code Panache.withTransaction} / {@code @WithTransaction}.
     */
    public Uni<EventEnvelope> publish(Record payload, String subject) {
        EventType type = EventType.of(payload);
        EventEnvelope envelope = EventCodec.wrap(payload, source, subject, clock.instant());
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.publish must run inside a transaction (event " + type.typeName() + ")"));
            }
            OutboxEvent row = new OutboxEvent();
            row.id = envelope.id();
            row.topic = type.topic();
            row.key = subject;
            row.type = type.typeName();
            row.envelope = EventCodec.toJson(envelope);
            row.createdAt = envelope.time();
            return Panache.getSession().chain(session -> session.persist(row)).replaceWith(envelope);
        });
    }
}
