package com.chatpay.limits.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared transactional outbox, in a Panache transaction and in a plain SQL one, exercised in a real service
 * against the real database and broker.
 */
@QuarkusTest
class SharedOutboxTests {

    @Inject
    Outbox outbox;
    @Inject
    Pool database;

    private static LimitReserved event(UUID paymentId) {
        return new LimitReserved(paymentId, "outbox-user", Money.of(100, "EUR"), Money.of(149_900, "EUR"), null);
    }

    @Test
    void shouldPublishARowThatACrashedProcessCommittedButNeverPublished() throws Exception {
        // what a process killed between commit and publish leaves behind: a committed, unpublished outbox row
        UUID paymentId = UUID.randomUUID();
        EventEnvelope envelope = EventCodec.wrap(event(paymentId), "urn:chatpay:limits-service", "outbox-user",
                Instant.now());
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event "
                        + "(id, topic, event_key, event_type, envelope, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, Topics.LIMITS_EVENTS);
            insert.setString(3, "outbox-user");
            insert.setString(4, envelope.type());
            insert.setString(5, EventCodec.toJson(envelope));
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        var published = TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(paymentId.toString()), 1,
                Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("outbox-user");
        assertThat(EventCodec.parse(published.get(0).value()).id()).isEqualTo(envelope.id());
    }

    @Test
    void shouldPublishNothingWhenTheTransactionRollsBack() throws Throwable {
        UUID paymentId = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.publish(event(paymentId), "outbox-user")
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("state change failed"))))))
                .hasMessageContaining("state change failed");
        // a committed event after it proves the relay ran past the point where the rolled-back one would be
        UUID marker = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.publish(event(marker),
                "outbox-user")));
        assertThat(TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(marker.toString()), 1,
                Duration.ofSeconds(20))).hasSize(1);
        assertThat(TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(paymentId.toString()), 1,
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void shouldRefuseToPublishOutsideATransaction() {
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> outbox.publish(event(UUID.randomUUID()), "outbox-user"))))
                .hasMessageContaining("inside a transaction");
    }

    @Test
    void shouldPublishFromAPlainSqlTransactionOnlyWhenItCommits() throws Throwable {
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> database.withTransaction(
                connection -> outbox.publish(connection, event(rolledBack), "outbox-user")
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("state change failed"))))))
                .hasMessageContaining("state change failed");
        UUID committed = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> database.withTransaction(
                connection -> outbox.publish(connection, event(committed), "outbox-user")));
        assertThat(TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(committed.toString()), 1,
                Duration.ofSeconds(20))).hasSize(1);
        assertThat(TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(rolledBack.toString()), 1,
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void shouldRefuseToPublishOnAConnectionOutsideATransactionAndWriteNothing() throws Exception {
        UUID paymentId = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> database.withConnection(
                connection -> outbox.publish(connection, event(paymentId), "outbox-user"))))
                .hasMessageContaining("inside a transaction");
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE envelope LIKE ?")) {
            q.setString(1, "%" + paymentId + "%");
            try (var rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
