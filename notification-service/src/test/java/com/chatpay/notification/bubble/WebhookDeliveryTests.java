package com.chatpay.notification.bubble;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.notification.Deliveries;
import com.chatpay.notification.Events;
import com.chatpay.notification.TestWebhook;
import com.chatpay.notification.TestWebhook.Received;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Conversation bubbles: Kafka → delivery row → worker → signed POST to the (test) messaging platform webhook. */
@QuarkusTest
@QuarkusTestResource(value = TestWebhook.class, restrictToAnnotatedClass = false)
class WebhookDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Money TWENTY_EUROS = Money.of(2000, "EUR");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPostASignedBubbleForACompletedPayment() throws Exception {
        UUID paymentId = UUID.randomUUID();
        String payer = "user-" + UUID.randomUUID();
        String payee = "user-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();
        Instant completedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentCompleted(paymentId, payer, payee,
                conversation, TWENTY_EUROS, "Pizza 🍕", completedAt), payer));

        Received bubble = awaitReceived(paymentId, 1).get(0);
        assertThat(bubble.contentType()).startsWith("application/json");
        assertSigned(bubble);
        JsonNode body = JSON.readTree(bubble.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("conversationId", "paymentId", "status", "amount", "message", "payerId",
                "payeeId", "occurredAt");
        assertThat(body.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(body.get("paymentId").asText()).isEqualTo(paymentId.toString());
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("amount").get("value").asLong()).isEqualTo(2000);
        assertThat(body.get("amount").get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("message").asText()).isEqualTo("Pizza 🍕");
        assertThat(body.get("payerId").asText()).isEqualTo(payer);
        assertThat(body.get("payeeId").asText()).isEqualTo(payee);
        assertThat(Instant.parse(body.get("occurredAt").asText())).isEqualTo(completedAt);

        awaitStatus(paymentId, "SENT");
        Deliveries.Row row = Deliveries.ofPayment(paymentId, "WEBHOOK").get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(bubble.deliveryId()).isEqualTo(row.id().toString());
        assertThat(row.id().version()).isEqualTo(7);
    }

    @Test
    void shouldRetryWithBackoffUntilTheWebhookAccepts() {
        UUID paymentId = UUID.randomUUID();
        String payer = "user-" + UUID.randomUUID();
        TestWebhook.failFirst(paymentId, 3);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentAwaitingPayee(paymentId, payer,
                "user-" + UUID.randomUUID(), "conv-" + UUID.randomUUID(), TWENTY_EUROS, null,
                Instant.now().plus(Duration.ofDays(7))), payer));

        awaitStatus(paymentId, "SENT");
        Deliveries.Row row = Deliveries.ofPayment(paymentId, "WEBHOOK").get(0);
        assertThat(row.attempts()).isEqualTo(4);
        assertThat(row.lastError()).isEqualTo("webhook answered HTTP 500");
        List<Received> received = TestWebhook.received(paymentId);
        assertThat(received).extracting(Received::answered).containsExactly(500, 500, 500, 204);
        // every attempt: the same body and delivery id, a valid signature
        assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
        assertThat(received).extracting(Received::deliveryId).containsOnly(row.id().toString());
        received.forEach(WebhookDeliveryTests::assertSigned);
        // backoff (test profile: 20 ms doubling, half to full jitter): at least 10 + 20 + 40 ms between first and last
        assertThat(Duration.between(received.get(0).at(), received.get(3).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(70));
    }

    @Test
    void shouldFailAfterTheMaximumAttemptsThenDeliverWhenOpsRetry() {
        UUID paymentId = UUID.randomUUID();
        String payer = "user-" + UUID.randomUUID();
        TestWebhook.failAlways(paymentId);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentDeclined(paymentId, payer,
                "user-" + UUID.randomUUID(), "conv-" + UUID.randomUUID(), TWENTY_EUROS, Instant.now()), payer));

        awaitStatus(paymentId, "FAILED");
        Deliveries.Row row = Deliveries.ofPayment(paymentId, "WEBHOOK").get(0);
        assertThat(row.attempts()).isEqualTo(5);                                    // the test profile's maximum
        assertThat(TestWebhook.received(paymentId)).hasSize(5);

        List<Map<String, Object>> failed = given().header("Authorization", TestTokens.opsBearer("operator"))
                .queryParam("status", "FAILED").queryParam("limit", 100)
                .get("/v1/ops/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(failed).filteredOn(item -> row.id().toString().equals(item.get("id"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("channel", "WEBHOOK")
                        .containsEntry("status", "FAILED")
                        .containsEntry("attempts", 5)
                        .containsEntry("paymentId", paymentId.toString())
                        .containsEntry("userId", payer)
                        .containsEntry("lastError", "webhook answered HTTP 503")
                        .doesNotContainKey("payload"));
        assertThat(failed).allSatisfy(item -> assertThat(item).containsEntry("status", "FAILED"));

        TestWebhook.recover(paymentId);
        given().header("Authorization", TestTokens.opsBearer("operator"))
                .post("/v1/ops/notifications/" + row.id() + "/retry")
                .then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(5));

        awaitStatus(paymentId, "SENT");
        assertThat(Deliveries.ofPayment(paymentId, "WEBHOOK").get(0).attempts()).isEqualTo(6);
        assertThat(TestWebhook.received(paymentId)).extracting(Received::answered)
                .containsExactly(503, 503, 503, 503, 503, 204);

        // a sent delivery is not retried
        given().header("Authorization", TestTokens.opsBearer("operator"))
                .post("/v1/ops/notifications/" + row.id() + "/retry")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("DELIVERY_NOT_RETRYABLE"));
    }

    @Test
    void shouldPostOneBubblePerPaymentState() {
        UUID paymentId = UUID.randomUUID();
        String payer = "user-" + UUID.randomUUID();
        String payee = "user-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();
        String awaiting = Events.json(new PaymentAwaitingPayee(paymentId, payer, payee, conversation, TWENTY_EUROS,
                null, Instant.now().plus(Duration.ofDays(7))), payer);
        String completed = Events.json(new PaymentCompleted(paymentId, payer, payee, conversation, TWENTY_EUROS, null,
                Instant.now()), payer);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, awaiting);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, awaiting);                                   // redelivered
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, completed);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, completed);                                  // redelivered
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentCompleted(paymentId, payer, payee,
                conversation, TWENTY_EUROS, null, Instant.now()), payer));                        // same state, new id
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentCompleted(marker, payer, payee,
                conversation, TWENTY_EUROS, null, Instant.now()), payer));

        // same key, same partition: once the marker's bubble went out, every event before it was consumed
        awaitReceived(marker, 1);
        await().atMost(WAIT).until(() -> Deliveries.ofPayment(paymentId, "WEBHOOK").stream()
                .allMatch(r -> "SENT".equals(r.status())));
        assertThat(Deliveries.ofPayment(paymentId, "WEBHOOK")).extracting(Deliveries.Row::dedupKey)
                .containsExactlyInAnyOrder("bubble:" + paymentId + ":AWAITING_PAYEE",
                        "bubble:" + paymentId + ":COMPLETED");
        assertThat(TestWebhook.received(paymentId)).extracting(WebhookDeliveryTests::status)
                .containsExactlyInAnyOrder("AWAITING_PAYEE", "COMPLETED");
    }

    @Test
    void shouldKeepOpsEndpointsForOps() {
        UUID any = UUID.randomUUID();
        given().get("/v1/ops/notifications").then().statusCode(401);
        given().post("/v1/ops/notifications/" + any + "/retry").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("someone")).get("/v1/ops/notifications")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("someone")).post("/v1/ops/notifications/" + any + "/retry")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.opsBearer("operator")).post("/v1/ops/notifications/" + any + "/retry")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", TestTokens.opsBearer("operator")).queryParam("status", "LOST")
                .get("/v1/ops/notifications")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldPageTheOpsListNewestFirst() {
        String payer = "user-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID paymentId = UUID.randomUUID();
            TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentCompleted(paymentId, payer,
                    "user-" + UUID.randomUUID(), "conv-1", TWENTY_EUROS, null, Instant.now()), payer));
            awaitReceived(paymentId, 1);
        }
        var first = given().header("Authorization", TestTokens.opsBearer("operator")).queryParam("limit", 2)
                .get("/v1/ops/notifications").then().statusCode(200).extract().jsonPath();
        var second = given().header("Authorization", TestTokens.opsBearer("operator")).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/ops/notifications").then().statusCode(200).extract().jsonPath();
        List<String> created = new ArrayList<>(first.getList("items.createdAt"));
        created.addAll(second.getList("items.createdAt"));
        assertThat(created).hasSize(4);
        assertThat(created).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertThat(first.getList("items.id", String.class)).doesNotContainAnyElementsOf(second.getList("items.id",
                String.class));
    }

    @Test
    void shouldExposeDeliveryMetrics() {
        UUID paymentId = UUID.randomUUID();
        String payer = "user-" + UUID.randomUUID();
        TestWebhook.failFirst(paymentId, 1);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentCompleted(paymentId, payer,
                "user-" + UUID.randomUUID(), "conv-1", TWENTY_EUROS, null, Instant.now()), payer));
        awaitStatus(paymentId, "SENT");

        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics)
                .containsPattern("chatpay_notifications_total\\{channel=\"webhook\",outcome=\"sent\"[^}]*} [1-9]")
                .containsPattern("chatpay_notifications_total\\{channel=\"webhook\",outcome=\"retried\"[^}]*} [1-9]")
                .containsPattern("chatpay_notification_delivery_seconds_count\\{channel=\"webhook\"[^}]*} [1-9]")
                .containsPattern("chatpay_notification_backlog\\{channel=\"webhook\"[^}]*} [0-9]");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static List<Received> awaitReceived(UUID paymentId, int count) {
        await().atMost(WAIT).until(() -> TestWebhook.received(paymentId).stream().anyMatch(r -> r.answered() == 204)
                && TestWebhook.received(paymentId).size() >= count);
        return TestWebhook.received(paymentId);
    }

    private static void awaitStatus(UUID paymentId, String status) {
        await().atMost(WAIT).until(() -> Deliveries.ofPayment(paymentId, "WEBHOOK").stream()
                .anyMatch(r -> status.equals(r.status())));
    }

    private static String status(Received request) {
        try {
            return JSON.readTree(request.body()).get("status").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies a request the way the platform would: HMAC-SHA256 over "timestamp.body", recent timestamp. */
    private static void assertSigned(Received request) {
        long timestamp = Long.parseLong(request.timestamp());
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(TestWebhook.SECRET), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(
                    mac.doFinal((request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.signature()).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
