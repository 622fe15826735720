package com.chatpay.payment.payment;

import static com.chatpay.payment.testing.PaymentFixtures.body;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.post;
import static com.chatpay.payment.testing.PaymentFixtures.published;
import static com.chatpay.payment.testing.PaymentFixtures.sendOnboarding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.events.OnboardingEvents.PaymentsLocked;
import com.chatpay.common.events.Topics;
import com.chatpay.testsupport.TestKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.chatpay.common.events.OnboardingEvents.UserSuspended;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import com.chatpay.payment.testing.AuthorizationTokens;
import com.chatpay.payment.testing.PaymentFixtures;
import com.chatpay.payment.testing.PaymentTestResource;
import com.chatpay.testsupport.ChatpayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ChatpayTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentTestResource.class, restrictToAnnotatedClass = false)
class PaymentRequestTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");

    private String token(long amount) {
        return AuthorizationTokens.token(payer, payee, amount, "EUR").sign();
    }

    @Test
    void shouldAcceptAPaymentAndPublishPaymentRequested() throws Exception {
        String message = "🍕 merci pour la pizza 🎉";
        Response response = post(payer, "key-1", body(payee, 2000, message, token(2000)));

        response.then().statusCode(202)
                .body("payerId", equalTo(payer))
                .body("payeeId", equalTo(payee))
                .body("conversationId", equalTo("conv-" + payee))
                .body("amount.value", equalTo(2000))
                .body("amount.currency", equalTo("EUR"))
                .body("message", equalTo(message))
                .body("status", equalTo("PENDING"))
                .body("reason", nullValue())
                .body("createdAt", not(nullValue()))
                .body("updatedAt", not(nullValue()));
        String paymentId = response.path("paymentId");
        assertThat(response.header("Location")).endsWith("/v1/payments/" + paymentId);
        // time-ordered (version 7): new payments append to the primary key's index
        assertThat(UUID.fromString(paymentId).version()).isEqualTo(7);

        ConsumerRecord<String, String> record = TestKafka.records(Topics.PAYMENTS_EVENTS,
                v -> v.contains(paymentId), 1, Duration.ofSeconds(15)).get(0);
        assertThat(record.key()).isEqualTo(payer);
        JsonNode envelope = new ObjectMapper().readTree(record.value());
        assertThat(envelope.path("type").asText()).isEqualTo("PaymentRequested");
        assertThat(envelope.path("source").asText()).isEqualTo("urn:chatpay:payment-service");
        assertThat(envelope.path("subject").asText()).isEqualTo(payer);
        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        JsonNode data = envelope.path("data");
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("paymentId", "payerId", "payeeId",
                "conversationId", "amount", "payerCountry", "requestedAt");
        assertThat(data.path("amount").toString()).isEqualTo("{\"value\":2000,\"currency\":\"EUR\"}");
        PaymentRequested event = published(paymentId, "PaymentRequested", PaymentRequested.class);
        assertThat(event.payerId()).isEqualTo(payer);
        assertThat(event.payeeId()).isEqualTo(payee);
        assertThat(event.conversationId()).isEqualTo("conv-" + payee);
        assertThat(event.amount()).isEqualTo(Money.of(2000, "EUR"));
        assertThat(event.payerCountry()).isEqualTo("FR");
        assertThat(event.requestedAt()).isEqualTo(Instant.parse(response.path("createdAt")));
        assertThat(count("SELECT count(*) FROM payment WHERE id = ?::uuid AND message = ?", paymentId, message))
                .isEqualTo(1);
    }

    @Test
    void shouldRequireAnIdempotencyKey() {
        given().header("Authorization", com.chatpay.testsupport.TestTokens.bearer(payer))
                .contentType(ContentType.JSON).body(body(payee, 2000, null, token(2000)))
                .post("/v1/payments")
                .then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        post(payer, "k".repeat(65), body(payee, 2000, null, token(2000)))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void shouldAnswerTheSameToTheSameKeyAndBody() {
        Map<String, Object> body = body(payee, 2000, "hello", token(2000));
        Response first = post(payer, "same-key", body);
        Response second = post(payer, "same-key", body);

        first.then().statusCode(202);
        second.then().statusCode(202);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        post(payer, "reused-key", body(payee, 2000, null, token(2000))).then().statusCode(202);

        post(payer, "reused-key", body(payee, 3000, null, token(3000)))
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(1);
    }

    @Test
    void shouldScopeIdempotencyKeysToThePayer() {
        String otherPayer = newUser("payer");
        post(payer, "shared-key", body(payee, 2000, null, token(2000))).then().statusCode(202);

        post(otherPayer, "shared-key", body(payee, 2000, null,
                AuthorizationTokens.token(otherPayer, payee, 2000, "EUR").sign()))
                .then().statusCode(202).body("payerId", equalTo(otherPayer));
    }

    @Test
    void shouldCreateOnePaymentForConcurrentDuplicates() throws Exception {
        Map<String, Object> body = body(payee, 2500, null, token(2500));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post(payer, "concurrent-key", body));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
                ids.add(r.path("paymentId"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND event_type = 'PaymentRequested'",
                payer)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAReplayedAuthorization() {
        String token = token(2000);
        post(payer, "first", body(payee, 2000, null, token)).then().statusCode(202);

        post(payer, "second", body(payee, 2000, null, token))
                .then().statusCode(409).body("code", equalTo("AUTHORIZATION_ALREADY_USED"));
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(1);
    }

    @Test
    void shouldRefuseInvalidAuthorizations() {
        assertAuthorizationInvalid(AuthorizationTokens.token(payer, payee, 2000, "EUR")
                .issuedAt(Instant.now().minus(Duration.ofMinutes(3))).sign(), "expired");
        assertAuthorizationInvalid(AuthorizationTokens.token(newUser("other"), payee, 2000, "EUR").sign(),
                "another user");
        assertAuthorizationInvalid(AuthorizationTokens.token(payer, payee, 1999, "EUR").sign(), "another amount");
        assertAuthorizationInvalid(AuthorizationTokens.token(payer, newUser("payee"), 2000, "EUR").sign(),
                "another payee");
        assertAuthorizationInvalid(AuthorizationTokens.token(payer, payee, 2000, "EUR")
                .signWith(AuthorizationTokens.newKeyPair().getPrivate()), "signature");
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isZero();
    }

    private void assertAuthorizationInvalid(String token, String check) {
        post(payer, UUID.randomUUID().toString(), body(payee, 2000, null, token))
                .then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_INVALID"))
                .body("detail", containsString(check))
                .body("detail", not(containsString(token.substring(0, 30))));
    }

    @Test
    void shouldRefuseACurrencyNotOfThePayersCountry() {
        String token = AuthorizationTokens.token(payer, payee, 2000, "USD").sign();
        given().header("Authorization", com.chatpay.testsupport.TestTokens.bearer(payer))
                .header("Idempotency-Key", "usd").contentType(ContentType.JSON)
                .body(Map.of("payeeId", payee, "conversationId", "c", "amount", Map.of("value", 2000, "currency", "USD"),
                        "authorizationToken", token))
                .post("/v1/payments")
                .then().statusCode(422).body("code", equalTo("CURRENCY_NOT_SUPPORTED"));
    }

    @Test
    void shouldRefuseBadRequests() {
        post(payer, "self", body(payer, 2000, null, AuthorizationTokens.token(payer, payer, 2000, "EUR").sign()))
                .then().statusCode(400).body("code", equalTo("SELF_PAYMENT"));
        post(payer, "zero", body(payee, 0, null, token(0)))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("amount.value"));
        post(payer, "long", body(payee, 2000, "🎉".repeat(141), token(2000)))
                .then().statusCode(400).body("errors[0].field", equalTo("message"));
        post(payer, "max", body(payee, 2000, "🎉".repeat(140), token(2000)))
                .then().statusCode(202).body("message", equalTo("🎉".repeat(140)));
    }

    @Test
    void shouldRefuseALockedOrSuspendedPayer() {
        String locked = newUser("locked");
        sendOnboarding(new PaymentsLocked(locked, "PIN_ATTEMPTS", Instant.now()), locked);
        PaymentFixtures.awaitUser(locked, "locked");
        post(locked, "k", body(payee, 2000, null, AuthorizationTokens.token(locked, payee, 2000, "EUR").sign()))
                .then().statusCode(403).body("code", equalTo("PAYER_BLOCKED"));

        String suspended = newUser("suspended");
        sendOnboarding(new UserSuspended(suspended, true, Instant.now()), suspended);
        PaymentFixtures.awaitUser(suspended, "suspended");
        post(suspended, "k", body(payee, 2000, null,
                AuthorizationTokens.token(suspended, payee, 2000, "EUR").sign()))
                .then().statusCode(403).body("code", equalTo("PAYER_BLOCKED"));

        PaymentFixtures.activate(locked, PaymentFixtures.card(PaymentFixtures.OK_CARD));
        post(locked, "k", body(payee, 2000, null, AuthorizationTokens.token(locked, payee, 2000, "EUR").sign()))
                .then().statusCode(202);
    }

    @Test
    void shouldRequireAuthentication() {
        given().header("Idempotency-Key", "k").contentType(ContentType.JSON)
                .body(body(payee, 2000, null, token(2000)))
                .post("/v1/payments")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
