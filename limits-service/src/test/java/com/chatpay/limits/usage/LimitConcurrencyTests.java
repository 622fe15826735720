package com.chatpay.limits.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The window holds when decisions for one user race each other in separate transactions — as they would on
 * several instances during a rebalance — because the database serialises them, not an in-memory lock.
 */
@QuarkusTest
class LimitConcurrencyTests {

    @Inject
    UsageService usage;
    @Inject
    Pool database;

    @Test
    void shouldReserveExactly15Of100PaymentsSubmittedAtOnceThroughKafka() throws Exception {
        String payer = "burst-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (int i = 0; i < 100; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                var envelope = LimitsFixtures.envelope(new PaymentRequested(id, payer, "payee", null,
                        Money.of(10_000, "EUR"), "FR", Instant.now()), payer);
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                        com.chatpay.common.events.Topics.PAYMENTS_EVENTS, payer,
                        com.chatpay.common.events.EventCodec.toJson(envelope)));
            }
        }
        var decisions = com.chatpay.testsupport.TestKafka.records(com.chatpay.common.events.Topics.LIMITS_EVENTS,
                v -> v.contains(payer), 100, java.time.Duration.ofSeconds(60));
        Map<String, Long> byType = new HashMap<>();
        decisions.forEach(r -> byType.merge(com.chatpay.common.events.EventCodec.parse(r.value()).type(), 1L,
                Long::sum));
        assertThat(byType).containsOnly(Map.entry("LimitReserved", 15L), Map.entry("LimitRejected", 85L));
        assertThat(countByStatus(payer))
                .containsOnly(Map.entry("RESERVED:-", 15), Map.entry("REJECTED:LIMIT_WINDOW_EXCEEDED", 85));
    }

    @Test
    void shouldReserveExactly15Of100ConcurrentPaymentsOf100Euros() throws Exception {
        String payer = "racer-" + UUID.randomUUID();
        int payments = 100;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < payments; i++) {
                PaymentRequested request = new PaymentRequested(UUID.randomUUID(), payer, "payee", null,
                        Money.of(10_000, "EUR"), "FR", Instant.now());
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(
                                () -> database.withTransaction(connection -> usage.decide(connection, request)));
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(countByStatus(payer))
                .containsOnly(Map.entry("RESERVED:-", 15), Map.entry("REJECTED:LIMIT_WINDOW_EXCEEDED", 85));
    }

    private static Map<String, Integer> countByStatus(String payer) throws Exception {
        Map<String, Integer> byStatus = new HashMap<>();
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement(
                        "SELECT status || ':' || coalesce(reason, '-'), count(*) FROM reservation WHERE user_id = ? "
                                + "GROUP BY 1")) {
            q.setString(1, payer);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return byStatus;
    }
}
