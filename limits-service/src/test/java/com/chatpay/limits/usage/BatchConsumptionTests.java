package com.chatpay.limits.usage;

import static com.chatpay.limits.usage.LimitsFixtures.decisionsFor;
import static com.chatpay.limits.usage.LimitsFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.MalformedEventException;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * What one poll of the broker hands the consumer at once (the channel's {@code batch=true}): the events it handles in
 * one transaction, each once, in order; a malformed one negatively acknowledged alone (so it, and only it, goes to
 * the dead-letter topic); and, should the shared transaction fail, each event consumed on its own.
 */
@QuarkusTest
class BatchConsumptionTests {

    @Inject
    PaymentEventsConsumer consumer;

    /** A record as the connector hands it over, remembering whether it was acknowledged or why it was not. */
    private static final class Delivered {
        final Message<String> message;
        final CompletableFuture<Throwable> outcome = new CompletableFuture<>();

        Delivered(String payload) {
            message = Message.of(payload, () -> {
                outcome.complete(null);
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                outcome.complete(reason);
                return CompletableFuture.completedFuture(null);
            });
        }

        boolean acknowledged() {
            return outcome.isDone() && outcome.join() == null;
        }

        Throwable refused() {
            assertThat(outcome).isDone();
            return outcome.join();
        }
    }

    private static EventEnvelope requested(UUID paymentId, String payer, long cents) {
        return envelope(new PaymentRequested(paymentId, payer, "payee-" + payer, null, Money.of(cents, "EUR"), "FR",
                Instant.now()), payer);
    }

    private void consume(List<Delivered> batch) throws Throwable {
        List<Message<String>> records = new ArrayList<>();
        batch.forEach(delivered -> records.add(delivered.message));
        VertxContextSupport.subscribeAndAwait(() -> consumer.consume(records));
    }

    @Test
    void shouldDecideABatchInOneTransactionOnceEachAndRefuseOnlyItsMalformedRecord() throws Throwable {
        String first = "batch-" + UUID.randomUUID();
        String second = "batch-" + UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        EventEnvelope requestA = requested(a, first, 10_000);
        EventEnvelope requestB = requested(b, second, 20_000);
        Delivered deliveredA = new Delivered(EventCodec.toJson(requestA));
        Delivered malformed = new Delivered("{\"not\": \"a cloud event\"");
        Delivered deliveredB = new Delivered(EventCodec.toJson(requestB));
        Delivered againA = new Delivered(EventCodec.toJson(requestA)); // redelivered within the same poll

        consume(List.of(deliveredA, malformed, deliveredB, againA));

        assertThat(malformed.refused()).isInstanceOf(MalformedEventException.class);
        assertThat(List.of(deliveredA, deliveredB, againA)).allMatch(Delivered::acknowledged);
        assertThat(reservations(a)).isEqualTo(1);
        assertThat(reservations(b)).isEqualTo(1);
        assertThat(decisionsFor(a, 1)).hasSize(1);
        assertThat(decisionsFor(b, 1)).hasSize(1);
        // xmin is the transaction that wrote a row: both inbox records and both reservations committed together
        assertThat(writers(requestA.id(), requestB.id(), a, b)).hasSize(1).doesNotContainNull();
    }

    @Test
    void shouldConsumeEachEventOnItsOwnWhenTheBatchsTransactionFails() throws Throwable {
        String payer = "batch-" + UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        EventEnvelope requestGood = requested(good, payer, 10_000);
        // a well-formed envelope whose payload misses its fields: found only inside the transaction, by the effect
        EventEnvelope wellFormed = requested(bad, payer, 10_000);
        EventEnvelope requestBad = new EventEnvelope(wellFormed.specversion(), wellFormed.id(), wellFormed.type(),
                wellFormed.source(), wellFormed.time(), wellFormed.subject(), wellFormed.datacontenttype(),
                EventCodec.toTree(Map.of("paymentId", bad.toString())));
        Delivered deliveredGood = new Delivered(EventCodec.toJson(requestGood));
        Delivered deliveredBad = new Delivered(EventCodec.toJson(requestBad));

        consume(List.of(deliveredGood, deliveredBad));

        assertThat(deliveredGood.acknowledged()).isTrue();
        assertThat(deliveredBad.refused()).isInstanceOf(MalformedEventException.class);
        assertThat(reservations(good)).isEqualTo(1);
        assertThat(reservations(bad)).isZero();
        assertThat(decisionsFor(good, 1)).hasSize(1);
        assertThat(writers(requestBad.id(), null, null, null)).containsOnlyNulls();
    }

    /** The transactions that wrote the events' inbox records and the payments' reservations (null: no row). */
    private static Set<String> writers(UUID eventA, UUID eventB, UUID paymentA, UUID paymentB)
            throws Exception {
        Set<String> writers = new HashSet<>();
        try (Connection db = TestInfrastructure.jdbc()) {
            for (UUID event : Arrays.asList(eventA, eventB)) {
                if (event != null) {
                    writers.add(xmin(db, "SELECT xmin::text FROM processed_event WHERE event_id = ?", event));
                }
            }
            for (UUID payment : Arrays.asList(paymentA, paymentB)) {
                if (payment != null) {
                    writers.add(xmin(db, "SELECT xmin::text FROM reservation WHERE payment_id = ?", payment));
                }
            }
        }
        return writers;
    }

    private static String xmin(Connection db, String sql, UUID id) throws Exception {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int reservations(UUID paymentId) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT count(*) FROM reservation WHERE payment_id = ?")) {
            q.setObject(1, paymentId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
