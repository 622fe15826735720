package com.chatpay.limits.usage;

import static com.chatpay.limits.usage.LimitsFixtures.decisionsFor;
import static com.chatpay.limits.usage.LimitsFixtures.envelope;
import static com.chatpay.limits.usage.LimitsFixtures.sendPaymentEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A reservation follows its payment: consumed on completion, released by every other end, given back on refund. */
@QuarkusTest
class ReservationLifecycleTests {

    private static final Money AMOUNT = Money.of(25_000, "EUR");

    private static UUID reserve(String payer) {
        UUID paymentId = UUID.randomUUID();
        sendPaymentEvent(envelope(new PaymentRequested(paymentId, payer, "payee", null, AMOUNT, "FR", Instant.now()),
                payer));
        assertThat(decisionsFor(paymentId, 1).get(0).type()).isEqualTo("LimitReserved");
        return paymentId;
    }

    static String statusOf(UUID paymentId) throws Exception {
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT status FROM reservation WHERE payment_id = ?")) {
            q.setObject(1, paymentId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void awaitStatus(UUID paymentId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(statusOf(paymentId)));
    }

    static Stream<Arguments> endsWithoutMoneyMoving() {
        return Stream.<BiFunction<UUID, String, Record>>of(
                (id, payer) -> new PaymentRejected(id, payer, "payee", null, AMOUNT, "PAYER_BLOCKED", null, Instant.now()),
                (id, payer) -> new PaymentFailed(id, payer, "payee", null, AMOUNT, "CARD_DECLINED", Instant.now()),
                (id, payer) -> new PaymentExpired(id, payer, "payee", null, AMOUNT, Instant.now()),
                (id, payer) -> new PaymentCancelled(id, payer, "payee", null, AMOUNT, Instant.now()),
                (id, payer) -> new PaymentDeclined(id, payer, "payee", null, AMOUNT, Instant.now()))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("endsWithoutMoneyMoving")
    void shouldReleaseOnEveryEndWithoutMoneyMoving(BiFunction<UUID, String, Record> end) {
        String payer = "release-" + UUID.randomUUID();
        UUID paymentId = reserve(payer);
        EventEnvelope event = envelope(end.apply(paymentId, payer), payer);
        sendPaymentEvent(event);
        awaitStatus(paymentId, "RELEASED");
        // a late completion of the same payment cannot resurrect it
        sendPaymentEvent(envelope(new PaymentCompleted(paymentId, payer, "payee", null, AMOUNT, null, Instant.now()),
                payer));
        UUID marker = reserve(payer);
        assertThat(marker).isNotNull();
        awaitStatus(paymentId, "RELEASED");
    }

    @Test
    void shouldConsumeOnCompletionAndGiveTheHeadroomBackOnRefund() throws Exception {
        String payer = "refund-" + UUID.randomUUID();
        UUID paymentId = reserve(payer);
        EventEnvelope completed = envelope(new PaymentCompleted(paymentId, payer, "payee", null, AMOUNT, null,
                Instant.now()), payer);
        sendPaymentEvent(completed);
        awaitStatus(paymentId, "CONSUMED");

        sendPaymentEvent(envelope(new PaymentRefunded(paymentId, payer, "payee", null, AMOUNT, "PAYEE_REFUND",
                Instant.now()), payer));
        awaitStatus(paymentId, "REFUNDED");

        // the completion delivered again has no second effect
        sendPaymentEvent(completed);
        reserve(payer);
        assertThat(statusOf(paymentId)).isEqualTo("REFUNDED");
    }

    @Test
    void shouldSpendNoTransactionOnAPaymentWaitingForItsPayee() throws Exception {
        String payer = "awaiting-" + UUID.randomUUID();
        UUID paymentId = reserve(payer);
        EventEnvelope awaiting = envelope(new PaymentAwaitingPayee(paymentId, payer, "payee", null, AMOUNT, null,
                Instant.now().plus(Duration.ofDays(7))), payer);
        EventEnvelope completed = envelope(new PaymentCompleted(paymentId, payer, "payee", null, AMOUNT, null,
                Instant.now()), payer);
        sendPaymentEvent(awaiting);
        sendPaymentEvent(completed);

        // same key, same partition: once the completion counts, the event before it has been read
        awaitStatus(paymentId, "CONSUMED");
        assertThat(recorded(Topics.Groups.LIMITS_PAYMENTS, completed)).isTrue();
        assertThat(recorded(Topics.Groups.LIMITS_PAYMENTS, awaiting)).isFalse();
    }

    @Test
    void shouldSpendNoTransactionOnTheOnboardingEventsItDoesNotUse() throws Exception {
        String userId = "onboarded-" + UUID.randomUUID();
        EventEnvelope card = EventCodec.wrap(new CardRegistered(userId, "tok_" + userId, "VISA", "4242", 12, 2031),
                "urn:chatpay:test", userId, Instant.now());
        EventEnvelope activated = EventCodec.wrap(new PaymentsActivated(userId, "FR", "EUR", null, "Iris", "fr",
                Instant.now()), "urn:chatpay:test", userId, Instant.now());
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, EventCodec.toJson(card));
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, EventCodec.toJson(activated));

        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(Topics.Groups.LIMITS_USERS, activated));
        assertThat(recorded(Topics.Groups.LIMITS_USERS, card)).isFalse();
    }

    private static boolean recorded(String consumerGroup, EventEnvelope event) throws Exception {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?")) {
            q.setString(1, consumerGroup);
            q.setObject(2, event.id());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
