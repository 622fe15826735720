package com.chatpay.limits.usage;

import static com.chatpay.limits.usage.LimitsFixtures.decisionsFor;
import static com.chatpay.limits.usage.LimitsFixtures.envelope;
import static com.chatpay.limits.usage.LimitsFixtures.sendPaymentEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.limits.TestClock;
import com.chatpay.testsupport.ChatpayTestResource;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ChatpayTestResource.class, restrictToAnnotatedClass = false)
class LimitDecisionsTests {

    private static UUID request(String payer, long cents) {
        UUID paymentId = UUID.randomUUID();
        sendPaymentEvent(envelope(new PaymentRequested(paymentId, payer, "payee-" + payer, "conv-1",
                Money.of(cents, "EUR"), "FR", Instant.now()), payer));
        return paymentId;
    }

    private static EventEnvelope decisionOf(UUID paymentId) {
        return decisionsFor(paymentId, 1).get(0);
    }

    private static void complete(String payer, UUID paymentId, long cents) {
        sendPaymentEvent(envelope(new PaymentCompleted(paymentId, payer, "payee-" + payer, "conv-1",
                Money.of(cents, "EUR"), null, TestClock.CLOCK.instant()), payer));
    }

    @Test
    void shouldReserve500EurosAndRejectOneCentMore() {
        String payer = "alice-" + UUID.randomUUID();
        EventEnvelope ok = decisionOf(request(payer, 50_000));
        assertThat(ok.type()).isEqualTo("LimitReserved");
        assertThat(EventCodec.payload(ok, LimitReserved.class).remaining()).isEqualTo(Money.of(100_000, "EUR"));
        assertThat(ok.subject()).isEqualTo(payer);

        EventEnvelope tooMuch = decisionOf(request(payer, 50_001));
        assertThat(tooMuch.type()).isEqualTo("LimitRejected");
        LimitRejected rejected = EventCodec.payload(tooMuch, LimitRejected.class);
        assertThat(rejected.reason()).isEqualTo("LIMIT_PER_PAYMENT_EXCEEDED");
        assertThat(rejected.remaining()).isEqualTo(Money.of(100_000, "EUR"));
    }

    @Test
    void shouldRejectTheFourth500EurosWithin30DaysAndAcceptItAgainAfter() {
        String payer = "bob-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID id = request(payer, 50_000);
            assertThat(decisionOf(id).type()).isEqualTo("LimitReserved");
            complete(payer, id, 50_000);
        }
        UUID fourth = request(payer, 50_000);
        LimitRejected rejected = EventCodec.payload(decisionOf(fourth), LimitRejected.class);
        assertThat(rejected.reason()).isEqualTo("LIMIT_WINDOW_EXCEEDED");
        assertThat(rejected.remaining()).isEqualTo(Money.of(0, "EUR"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(payer))
                .get("/v1/me/limits").then().statusCode(200)
                .body("used.value", equalTo(150_000))
                .body("reserved.value", equalTo(0))
                .body("remaining.value", equalTo(0))
                .body("window", equalTo("P30D")));

        Instant before = TestClock.CLOCK.instant();
        TestClock.CLOCK.advance(Duration.ofDays(30).plusSeconds(1));
        try {
            assertThat(decisionOf(request(payer, 50_000)).type()).isEqualTo("LimitReserved");
        } finally {
            TestClock.CLOCK.set(before);
        }
    }

    @Test
    void shouldReleaseTheReservationWhenThePaymentFails() {
        String payer = "carol-" + UUID.randomUUID();
        UUID id = request(payer, 40_000);
        assertThat(decisionOf(id).type()).isEqualTo("LimitReserved");
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/me/limits").then()
                .body("reserved.value", equalTo(40_000)).body("remaining.value", equalTo(110_000));

        sendPaymentEvent(envelope(new PaymentFailed(id, payer, "payee-" + payer, null, Money.of(40_000, "EUR"),
                "CARD_DECLINED", Instant.now()), payer));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer(payer)).get("/v1/me/limits").then()
                .body("reserved.value", equalTo(0)).body("remaining.value", equalTo(150_000))
                .body("nextReleaseAt", nullValue()));
    }

    @Test
    void shouldDecideOnceWhenTheSameEventIsDeliveredTwice() throws Exception {
        String payer = "dave-" + UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        EventEnvelope event = envelope(new PaymentRequested(paymentId, payer, "erin", null, Money.of(10_000, "EUR"),
                "FR", Instant.now()), payer);
        sendPaymentEvent(event);
        sendPaymentEvent(event);
        UUID marker = request(payer, 100); // processed after both copies: same key, same partition
        decisionOf(marker);

        // the relay publishes in commit order, so any second decision would already be on the topic
        assertThat(decisionsFor(paymentId, 2, Duration.ofSeconds(3))).hasSize(1);
        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT count(*) FROM reservation WHERE payment_id = ?")) {
            q.setObject(1, paymentId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldKeepTheFirstDecisionWhenAPaymentIsRequestedAgainUnderAnotherEventId() {
        String payer = "gina-" + UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        PaymentRequested requested = new PaymentRequested(paymentId, payer, "hal", null, Money.of(50_000, "EUR"),
                "FR", Instant.now());
        sendPaymentEvent(envelope(requested, payer));
        assertThat(decisionOf(paymentId).type()).isEqualTo("LimitReserved");
        // the same request again under a new event id: the inbox lets it through, the reservation must not
        sendPaymentEvent(envelope(requested, payer));
        UUID marker = request(payer, 100);
        decisionOf(marker);

        assertThat(decisionsFor(paymentId, 2, Duration.ofSeconds(3))).hasSize(1);
        given().header("Authorization", TestTokens.opsBearer("olivia")).get("/v1/ops/users/" + payer + "/limits")
                .then().statusCode(200).body("reserved.value", equalTo(50_100));
    }

    @Test
    void shouldLockAKnownPayersRowWithoutWritingANewVersionOfIt() throws Exception {
        String payer = "jack-" + UUID.randomUUID();
        decisionOf(request(payer, 100)); // the first decision creates the row with the payer's country
        String before = userRowVersion(payer);
        decisionOf(request(payer, 100));
        // xmin is the transaction that wrote the row version: a second decision must lock it, not rewrite it
        assertThat(userRowVersion(payer)).isEqualTo(before);
    }

    private static String userRowVersion(String userId) throws Exception {
        try (Connection db = TestInfrastructure.jdbc(); PreparedStatement q = db.prepareStatement(
                "SELECT xmin::text || '/' || country || '/' || updated_at FROM user_limit WHERE user_id = ?")) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void shouldShowTheHeadroomInTheCountryAUserActivatedPaymentsIn() {
        String user = "ines-" + UUID.randomUUID();
        TestKafka.send(Topics.ONBOARDING_EVENTS, user, EventCodec.toJson(envelope(
                new PaymentsActivated(user, "US", "USD", null, "Ines", "en", Instant.now()), user)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.opsBearer("olivia")).get("/v1/ops/users/" + user + "/limits")
                .then().statusCode(200).body("currency", equalTo("USD")));
    }

    @Test
    void shouldRejectAnUnknownCountry() {
        String payer = "zed-" + UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        sendPaymentEvent(envelope(new PaymentRequested(paymentId, payer, "x", null, Money.of(100, "EUR"), "ZZ",
                Instant.now()), payer));
        LimitRejected rejected = EventCodec.payload(decisionOf(paymentId), LimitRejected.class);
        assertThat(rejected.reason()).isEqualTo("CURRENCY_NOT_SUPPORTED");
    }

    @Test
    void shouldShowAUsersHeadroomToOpsOnlyAndCountDecisions() {
        String payer = "frank-" + UUID.randomUUID();
        assertThat(decisionOf(request(payer, 30_000)).type()).isEqualTo("LimitReserved");
        given().header("Authorization", TestTokens.opsBearer("olivia")).get("/v1/ops/users/" + payer + "/limits")
                .then().statusCode(200)
                .body("reserved.value", equalTo(30_000)).body("remaining.value", equalTo(120_000));
        given().header("Authorization", TestTokens.bearer("mallory")).get("/v1/ops/users/" + payer + "/limits")
                .then().statusCode(403);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("chatpay_limit_decisions_total{decision=\"reserved\"")
                .contains("chatpay_limit_decision_seconds_bucket");
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        given().get("/v1/me/limits").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void shouldBeReadyWithItsDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
