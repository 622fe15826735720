package com.chatpay.harness.load;

import com.chatpay.common.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Sees payments reach their outcome the way the messaging platform does: by reading {@code payments.events}, not by
 * polling the API (which would add load to the system under test). A payment's outcome is its first event that
 * ends the payer's wait: completed, rejected, failed, or awaiting the payee.
 */
public final class OutcomeWatcher implements AutoCloseable {

    /** The event types that end the payer's wait. */
    public static final Set<String> OUTCOMES = Set.of("PaymentCompleted", "PaymentRejected", "PaymentFailed",
            "PaymentAwaitingPayee");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** When an outcome was seen (System.nanoTime) and which. */
    public record Outcome(String type, long seenAtNanos) {
    }

    private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final Thread poller;
    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final String clientId;
    private volatile boolean running = true;
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();

    public OutcomeWatcher(String bootstrapServers) {
        this(bootstrapServers, Topics.PAYMENTS_EVENTS);
    }

    /**
     * Reads {@code topic} (tests: a scratch topic no service reads). The broker's default wait for a fetch (500 ms)
     * is kept: it answers as soon as a record arrives ({@code fetch.min.bytes} is 1), so the wait costs no latency;
     * it only bounds how often an idle consumer asks. A 5 ms wait, as before, asked 200 times a second whatever the
     * load, which cost a quarter of a core in the bench and as much again in the broker on a 2-core machine, taken
     * from the services it measures.
     */
    public OutcomeWatcher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.clientId = "harness-outcomes-" + UUID.randomUUID();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.GROUP_ID_CONFIG, clientId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer());
        poller = new Thread(this::poll, "outcome-watcher");
        poller.setDaemon(true);
        poller.start();
        assigned.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** The outcome of a payment, completing when its event is read. Register before the payment can end. */
    public CompletableFuture<Outcome> outcomeOf(String paymentId) {
        return pending.computeIfAbsent(paymentId, id -> new CompletableFuture<>());
    }

    /** Stops waiting for a payment (e.g. the request that created it failed). */
    public void forget(String paymentId) {
        pending.remove(paymentId);
    }

    private void poll() {
        try {
            consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                    // position now, so that "latest" means: from the moment the watcher is ready
                    p.forEach(consumer::position);
                    assigned.complete(null);
                }
            });
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    handle(record.value(), now);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // closed
        } catch (RuntimeException e) {
            assigned.completeExceptionally(e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(String value, long now) {
        try {
            JsonNode event = JSON.readTree(value);
            String type = event.path("type").asText();
            if (!OUTCOMES.contains(type)) {
                return;
            }
            String paymentId = event.path("data").path("paymentId").asText();
            // an outcome may arrive before the payer's POST has returned: create the future then
            CompletableFuture<Outcome> future = pending.computeIfAbsent(paymentId, id -> new CompletableFuture<>());
            future.complete(new Outcome(type, now));
        } catch (java.io.IOException malformed) {
            // not ours to judge: the services' consumers dead-letter malformed events
        }
    }

    /** How many fetch requests the watcher has sent to the broker (the Kafka client's own count, read over JMX). */
    public long fetchRequests() {
        try {
            ObjectName name = new ObjectName(
                    "kafka.consumer:type=consumer-fetch-manager-metrics,client-id=" + clientId);
            Object total = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "fetch-total");
            return ((Number) total).longValue();
        } catch (JMException e) {
            throw new IllegalStateException("the watcher's fetch count is not readable", e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
