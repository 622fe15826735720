package com.chatpay.limits.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.outbox.OutboxRelay;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The relay publishes what this process commits at once, woken by the commit itself, with no PostgreSQL
 * notification: here its fallback poll comes once an hour, so only the wake can publish within the tests' bounds.
 */
@QuarkusTest
@TestProfile(OutboxWakeTests.HourlyPoll.class)
class OutboxWakeTests {

    /** The relay's fallback poll out of the way. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chatpay.outbox.poll-interval", "1h");
        }
    }

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;
    @Inject
    Pool database;

    private static LimitReserved event(UUID paymentId) {
        return new LimitReserved(paymentId, "wake-user", Money.of(100, "EUR"), Money.of(149_900, "EUR"), null);
    }

    private static boolean published(UUID paymentId, Duration within) {
        return TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(paymentId.toString()), 1, within).size() == 1;
    }

    @Test
    void shouldPublishAPlainSqlTransactionsEventsWhenItCommits() throws Throwable {
        UUID paymentId = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> database.withTransaction(
                connection -> outbox.publish(connection, event(paymentId), "wake-user")));
        assertThat(published(paymentId, BOUND)).isTrue();
    }

    @Test
    void shouldPublishAPanacheTransactionsEventsWhenItCommits() throws Throwable {
        UUID paymentId = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.publish(event(paymentId), "wake-user")));
        assertThat(published(paymentId, BOUND)).isTrue();
    }

    @Test
    void shouldPublishOnceAnotherRelayThatHeldTheLockWhenTheCommitWokeThisOneLetsGo() throws Throwable {
        UUID paymentId = UUID.randomUUID();
        try (Connection otherRelay = TestInfrastructure.jdbc(); Statement sql = otherRelay.createStatement()) {
            // another instance's relay mid-batch: the wake finds the lock held and must try again later
            sql.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            VertxContextSupport.subscribeAndAwait(() -> database.withTransaction(
                    connection -> outbox.publish(connection, event(paymentId), "wake-user")));
            assertThat(published(paymentId, Duration.ofSeconds(2))).isFalse();
        }
        // the other relay let go without publishing the row: this one takes over, by its retries, not the hourly poll
        assertThat(published(paymentId, BOUND)).isTrue();
    }

    @Test
    void shouldSendNoPostgresNotificationWhenEventsCommit() throws Throwable {
        try (Connection listener = TestInfrastructure.jdbc(); Statement sql = listener.createStatement()) {
            sql.execute("LISTEN chatpay_outbox");
            UUID paymentId = UUID.randomUUID();
            VertxContextSupport.subscribeAndAwait(() -> database.withTransaction(
                    connection -> outbox.publish(connection, event(paymentId), "wake-user")));
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.publish(event(UUID.randomUUID()), "wake-user")));
            assertThat(published(paymentId, BOUND)).isTrue();
            // a notification takes a lock every database of the server shares, through the commit's flush
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(500);
            assertThat(received == null ? 0 : received.length).isZero();
        }
    }
}
