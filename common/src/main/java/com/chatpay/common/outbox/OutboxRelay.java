package com.chatpay.common.outbox;

import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.kafka.KafkaClients;
import com.chatpay.common.worker.PollingLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in insertion order, then marks them published. One relay per service
 * database works at a time (a transaction-scoped advisory lock), so several instances never reorder events.
 * Delivery is at-least-once: a crash after the broker acknowledged but before the mark re-sends the rows, and the
 * consumers' inbox drops the duplicates.
 *
 * The relay does not wait for its next poll to see new rows: {@link Outbox} wakes it when a transaction that wrote
 * events commits in this process ({@link #wake}), so polling every {@code poll-interval} only picks up rows a
 * process that died before its relay ran left behind, or rows written by hand. Not PostgreSQL's {@code NOTIFY}, as
 * before: a transaction that notifies holds a lock shared by the whole cluster from its commit's start to its end,
 * so every notifying commit of every database of the server waited for the previous one's flush to disk.
 * Several instances: each wakes its own relay; a relay that finds the lock held retries shortly after
 * ({@link PollingLoop#CONTENDED}), since the holder's batch may have been read before the rows it was woken for.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Advisory lock id of the relay; each service has its own database, so one constant serves all. The session
     * holding it is the one relaying ({@code pg_locks}, {@code locktype = 'advisory'}).
     */
    public static final long RELAY_LOCK = 0x63686174L;
    private static final String NEXT_BATCH = "SELECT l.locked, o.id, o.topic, o.event_key, o.envelope, o.created_at"
            + " FROM (SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ") AS locked) l"
            + " LEFT JOIN LATERAL (SELECT id, topic, event_key, envelope, created_at, seq FROM outbox_event"
            + " WHERE l.locked AND published_at IS NULL ORDER BY seq LIMIT $1) o ON true ORDER BY o.seq";

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final Clock clock;
    private final AtomicLong lagMillis = new AtomicLong();
    private final Counter published;
    private volatile KafkaProducer<String, String> producer;
    private volatile PollingLoop loop;
    private volatile long lastCleanup;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, KafkaClients kafka, Clock clock,
            MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.kafka = kafka;
        this.clock = clock;
        this.published = Counter.builder("chatpay_outbox_published_total")
                .description("Outbox events published to Kafka").register(registry);
        Gauge.builder("chatpay_outbox_lag_seconds", lagMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest event the relay last found unpublished").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.warn("outbox relay disabled: events stay in the outbox until a relay runs");
            return;
        }
        producer = kafka.producer();
        loop = new PollingLoop(vertx, "outbox relay", this::relayBatch, config.batchSize(), config.pollInterval(),
                config.retryInterval(), LOG);
        loop.start();
    }

    /** Events were committed: publish them now rather than at the next poll. Does nothing if this relay is off. */
    public void wake() {
        PollingLoop current = loop;
        if (current != null) {
            current.wake();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    /** Publishes one batch; returns how many rows it published, or {@link PollingLoop#CONTENDED}. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(this::publishPending)
                .call(count -> count == 0 ? cleanupIfDue() : Uni.createFrom().voidItem());
    }

    /**
     * The lock and the read are one statement, one round trip per batch fewer: the lock is taken once (a one-row
     * sub-select), the batch read only if it was, and the statement returns a row even when there is nothing to
     * publish, to tell "nothing" from "another relay holds the lock".
     */
    private Uni<Integer> publishPending(SqlConnection conn) {
        Context context = Vertx.currentContext();
        return conn.preparedQuery(NEXT_BATCH)
                .execute(Tuple.of(config.batchSize()))
                .chain(found -> {
                    List<Row> rows = new ArrayList<>(found.size());
                    for (Row row : found) {
                        if (row.getUUID("id") != null) {
                            rows.add(row);
                        }
                    }
                    if (!found.iterator().next().getBoolean("locked")) { // every row says the same
                        return Uni.createFrom().item(PollingLoop.CONTENDED);
                    }
                    if (rows.isEmpty()) {
                        lagMillis.set(0);
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>(rows.size());
                    List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
                    boolean first = true;
                    for (Row row : rows) {
                        if (first) {
                            OffsetDateTime oldest = row.getOffsetDateTime("created_at");
                            lagMillis.set(Math.max(0, clock.millis() - oldest.toInstant().toEpochMilli()));
                            first = false;
                        }
                        ids.add(row.getUUID("id"));
                        acks.add(send(row.getString("topic"), row.getString("event_key"), row.getString("envelope")));
                    }
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .emitOn(command -> context.runOnContext(v -> command.run()))
                            .chain(() -> conn.preparedQuery(
                                            "UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .invoke(() -> published.increment(ids.size()))
                            .replaceWith(ids.size());
                });
    }

    private CompletableFuture<Void> send(String topic, String key, String envelope) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
        record.headers().add("content-type", EventEnvelope.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(null);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /** Deletes rows published longer ago than the retention, at most once an hour. */
    private Uni<Void> cleanupIfDue() {
        long now = clock.millis();
        if (now - lastCleanup < Duration.ofHours(1).toMillis()) {
            return Uni.createFrom().voidItem();
        }
        lastCleanup = now;
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(clock.instant().minus(config.retention()),
                        java.time.ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
