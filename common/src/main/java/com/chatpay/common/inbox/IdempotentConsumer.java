package com.chatpay.common.inbox;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Exactly-once effects over at-least-once delivery: the event id is recorded in {@code processed_event} in the
 * same transaction as the effect, so a redelivered event finds its id and does nothing. An event that can never
 * be processed (malformed) fails at once and goes to the consumer's dead-letter topic; anything else (database
 * down, a restart under way) is retried with backoff, holding the partition so order is kept.
 *
 * <p>Two kinds of transaction: a Panache one ({@code consume}: the effect uses the session and entities) and a plain
 * SQL one ({@code consumeOnConnection}: the effect gets the reactive client connection its transaction runs on, for
 * hot paths written without Hibernate). The record, the retries and the dead-letter handling are the same.
 *
 * <p>A plain SQL consumer may also take what one poll of the broker returned at once
 * ({@code consumeBatchOnConnection}): the events it handles then share one transaction, one BEGIN, one COMMIT and one
 * inbox statement, in their order. Should that transaction fail, each event is consumed again on its own, so one
 * malformed event goes to the dead-letter topic alone and a failing effect is retried as above.
 *
 * <p>Counted in {@code chatpay_events_consumed_total{consumer,outcome}} (processed, duplicate, skipped, malformed),
 * registered at 0 for every consumer group of the service's configuration when it starts: the dead-letter alert reads
 * {@code increase()} of the malformed count, and a counter first scraped at 1 has no increase to show, so without it
 * the first malformed event a process met would never page anyone.
 */
@Startup
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** The inbox record: one row per consumer group and event id; a second insert of the pair inserts nothing. */
    private static final String RECORD_FIRST_DELIVERY = "INSERT INTO processed_event (consumer_group, event_id, "
            + "event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

    /** The records of a batch in one statement; it returns the ids recorded now, so the first deliveries. */
    private static final String RECORD_FIRST_DELIVERIES = "INSERT INTO processed_event (consumer_group, event_id, "
            + "event_type) SELECT $1, * FROM unnest($2::uuid[], $3::text[]) ON CONFLICT DO NOTHING RETURNING event_id";

    /** An effect in a plain SQL transaction: it runs its statements on {@code connection}. */
    @FunctionalInterface
    public interface ConnectionEffect {
        Uni<Void> apply(SqlConnection connection, EventEnvelope envelope);
    }

    /** What a consumed event came to: the {@code outcome} tag of its count, in lower case. */
    private enum Outcome { PROCESSED, DUPLICATE, SKIPPED, MALFORMED }

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String GROUP_ID = ".group.id";

    private final MeterRegistry registry;
    private final Pool pool;
    private final Duration retryFor;

    public IdempotentConsumer(MeterRegistry registry, Pool pool, Config config,
            @ConfigProperty(name = "chatpay.consumer.retry-for", defaultValue = "PT5M") Duration retryFor) {
        this.registry = registry;
        this.pool = pool;
        this.retryFor = retryFor;
        for (String group : consumerGroups(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class).orElse(null))) {
            for (Outcome outcome : Outcome.values()) {
                counter(group, outcome);
            }
        }
    }

    /** The Kafka consumer groups of the incoming channels: the {@code mp.messaging.incoming.*.group.id} of names. */
    static Set<String> consumerGroups(Iterable<String> names, Function<String, String> value) {
        Set<String> groups = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith(INCOMING) && name.endsWith(GROUP_ID) && name.length() > INCOMING.length()
                    + GROUP_ID.length()) {
                String group = value.apply(name);
                if (group != null && !group.isBlank()) {
                    groups.add(group);
                }
            }
        }
        return groups;
    }

    /**
     * Parses {@code json} and runs {@code effect} once per event id for {@code consumerGroup}, in one transaction
     * with the id's record. The effect runs inside that transaction, so it may use the Panache session and the
     * outbox freely.
     */
    public Uni<Void> consume(String consumerGroup, String json, Function<EventEnvelope, Uni<Void>> effect) {
        return parseAndConsume(consumerGroup, json, envelope -> true, inPanacheTransaction(consumerGroup, effect));
    }

    /**
     * As {@link #consume(String, String, Function)} for a consumer that acts on some event types only: an event of any
     * other type (or of a type this version does not know) is acknowledged without a transaction. Doing nothing is
     * idempotent, so there is nothing to record; on a topic most of whose events a consumer skips, that saves a
     * transaction per event (notification-service and PaymentRequested, one per payment).
     */
    public Uni<Void> consume(String consumerGroup, String json, Set<EventType> handled,
            Function<EventEnvelope, Uni<Void>> effect) {
        return parseAndConsume(consumerGroup, json, handling(handled), inPanacheTransaction(consumerGroup, effect));
    }

    /**
     * As {@link #consume(String, String, Set, Function)} in a plain SQL transaction: the record and {@code effect}
     * run on one connection of the reactive pool, between its BEGIN and COMMIT, with no Hibernate session.
     */
    public Uni<Void> consumeOnConnection(String consumerGroup, String json, Set<EventType> handled,
            ConnectionEffect effect) {
        return parseAndConsume(consumerGroup, json, handling(handled),
                envelope -> inOwnTransaction(consumerGroup, envelope, effect));
    }

    /** The record and {@code effect} in a plain SQL transaction of their own, retried until it commits. */
    private Uni<Void> inOwnTransaction(String consumerGroup, EventEnvelope envelope, ConnectionEffect effect) {
        return retried(consumerGroup, envelope, () -> pool.withTransaction(connection -> connection
                .preparedQuery(RECORD_FIRST_DELIVERY)
                .execute(Tuple.of(consumerGroup, envelope.id(), envelope.type()))
                .chain(rows -> once(consumerGroup, rows.rowCount() == 1, () -> effect.apply(connection, envelope)))));
    }

    /**
     * As {@link #consumeOnConnection} for the records of one poll ({@code batch=true} on the channel), which this
     * method acknowledges itself: the handled events' records and effects in one transaction, in the batch's order
     * (Kafka's order per partition, so per key); a malformed record is negatively acknowledged, so it goes to the
     * dead-letter topic alone; skipped types are acknowledged. If the shared transaction fails, each handled event is
     * consumed on its own as {@link #consumeOnConnection} does, and acknowledged, or negatively acknowledged if it
     * fails for good. An effect may thus run in a transaction that rolls back and then again in its own: what it does
     * outside the transaction must be harmless to repeat.
     */
    public Uni<Void> consumeBatchOnConnection(String consumerGroup, List<? extends Message<String>> records,
            Set<EventType> handled, ConnectionEffect effect) {
        Predicate<EventEnvelope> handles = handling(handled);
        List<Delivery> deliveries = new ArrayList<>(records.size());
        List<Uni<Void>> settled = new ArrayList<>();
        for (Message<String> record : records) {
            EventEnvelope envelope;
            try {
                envelope = EventCodec.parse(record.getPayload());
            } catch (MalformedEventException e) {
                count(consumerGroup, Outcome.MALFORMED);
                LOG.warnf("%s: malformed event sent to the dead-letter topic: %s", consumerGroup, e.getMessage());
                settled.add(nack(record, e));
                continue;
            }
            if (handles.test(envelope)) {
                deliveries.add(new Delivery(record, envelope));
            } else {
                count(consumerGroup, Outcome.SKIPPED);
                settled.add(ack(record));
            }
        }
        Uni<Void> consumed = switch (deliveries.size()) {
            case 0 -> Uni.createFrom().voidItem();
            case 1 -> oneByOne(consumerGroup, deliveries, effect);
            default -> pool.withTransaction(connection -> recordFirstDeliveries(connection, consumerGroup, deliveries)
                            .chain(firsts -> inOrder(deliveries, delivery -> once(consumerGroup,
                                    firsts.remove(delivery.envelope().id()),
                                    () -> effect.apply(connection, delivery.envelope())))))
                    .onItemOrFailure().transformToUni((committed, failure) -> {
                        if (failure == null) {
                            return inOrder(deliveries, delivery -> ack(delivery.record()));
                        }
                        LOG.debugf("%s: a batch of %d events not processed together, one by one now: %s",
                                consumerGroup, deliveries.size(), failure.toString());
                        return oneByOne(consumerGroup, deliveries, effect);
                    });
        };
        return consumed.chain(() -> inOrder(settled, uni -> uni));
    }

    /** A record of a batch and its parsed event. */
    private record Delivery(Message<String> record, EventEnvelope envelope) {
    }

    /** Each event in its own transaction, retried as a single record's; acknowledged, or not once it fails for good. */
    private Uni<Void> oneByOne(String consumerGroup, List<Delivery> deliveries, ConnectionEffect effect) {
        return inOrder(deliveries, delivery -> inOwnTransaction(consumerGroup, delivery.envelope(), effect)
                .chain(() -> ack(delivery.record()))
                .onFailure().recoverWithUni(e -> nack(delivery.record(), e)));
    }

    private static Uni<Set<UUID>> recordFirstDeliveries(SqlConnection connection, String consumerGroup,
            List<Delivery> deliveries) {
        UUID[] ids = new UUID[deliveries.size()];
        String[] types = new String[deliveries.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = deliveries.get(i).envelope().id();
            types[i] = deliveries.get(i).envelope().type();
        }
        return connection.preparedQuery(RECORD_FIRST_DELIVERIES)
                .execute(Tuple.of(consumerGroup).addArrayOfUUID(ids).addArrayOfString(types))
                .map(rows -> {
                    Set<UUID> firsts = new HashSet<>();
                    rows.forEach(row -> firsts.add(row.getUUID("event_id")));
                    return firsts;
                });
    }

    /** Runs {@code step} for each item, one after the other (a poll may hold hundreds: no chain of hundreds). */
    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<Void>> step) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> step.apply(item))
                .onItem().ignoreAsUni();
    }

    private static Uni<Void> ack(Message<String> record) {
        return Uni.createFrom().completionStage(record::ack);
    }

    private static Uni<Void> nack(Message<String> record, Throwable reason) {
        return Uni.createFrom().completionStage(() -> record.nack(reason));
    }

    private Function<EventEnvelope, Uni<Void>> inPanacheTransaction(String consumerGroup,
            Function<EventEnvelope, Uni<Void>> effect) {
        return envelope -> retried(consumerGroup, envelope, () -> Panache.withTransaction(
                () -> recordFirstDelivery(consumerGroup, envelope)
                        .chain(first -> once(consumerGroup, first, () -> effect.apply(envelope)))));
    }

    private static Predicate<EventEnvelope> handling(Set<EventType> handled) {
        return envelope -> EventCodec.typeOf(envelope).map(handled::contains).orElse(false);
    }

    private Uni<Void> parseAndConsume(String consumerGroup, String json, Predicate<EventEnvelope> handled,
            Function<EventEnvelope, Uni<Void>> unitOfWork) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.parse(json);
        } catch (MalformedEventException e) {
            count(consumerGroup, Outcome.MALFORMED);
            LOG.warnf("%s: malformed event sent to the dead-letter topic: %s", consumerGroup, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        if (!handled.test(envelope)) {
            count(consumerGroup, Outcome.SKIPPED);
            return Uni.createFrom().voidItem();
        }
        return unitOfWork.apply(envelope);
    }

    /** Inside the unit of work, once the record is written: the effect on a first delivery, nothing on a repeat. */
    private Uni<Void> once(String consumerGroup, boolean firstDelivery, Supplier<Uni<Void>> effect) {
        if (!firstDelivery) {
            count(consumerGroup, Outcome.DUPLICATE);
            return Uni.createFrom().voidItem();
        }
        return effect.get().invoke(() -> count(consumerGroup, Outcome.PROCESSED));
    }

    /** Runs {@code unitOfWork} (a whole transaction) until it commits, or fails for good as malformed. */
    private Uni<Void> retried(String consumerGroup, EventEnvelope envelope, Supplier<Uni<Void>> unitOfWork) {
        return Uni.createFrom().deferred(unitOfWork::get)
                .onFailure(e -> !(e instanceof MalformedEventException))
                .invoke(e -> LOG.warnf("%s: event %s (%s) not processed yet, will retry: %s", consumerGroup,
                        envelope.id(), envelope.type(), e.toString()))
                .onFailure(e -> !(e instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).expireIn(retryFor.toMillis())
                .onFailure(MalformedEventException.class)
                .invoke(e -> {
                    count(consumerGroup, Outcome.MALFORMED);
                    LOG.warnf("%s: event %s (%s) sent to the dead-letter topic: %s", consumerGroup, envelope.id(),
                            envelope.type(), e.getMessage());
                });
    }

    private Uni<Boolean> recordFirstDelivery(String consumerGroup, EventEnvelope envelope) {
        // Hibernate's native queries number their parameters ?1, ?2 where PostgreSQL's protocol has $1, $2
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        RECORD_FIRST_DELIVERY.replace('$', '?'))
                .setParameter(1, consumerGroup)
                .setParameter(2, envelope.id())
                .setParameter(3, envelope.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private void count(String consumerGroup, Outcome outcome) {
        counter(consumerGroup, outcome).increment();
    }

    private Counter counter(String consumerGroup, Outcome outcome) {
        return registry.counter("chatpay_events_consumed_total", "consumer", consumerGroup,
                "outcome", outcome.name().toLowerCase(Locale.ROOT));
    }
}
