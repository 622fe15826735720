package com.chatpay.e2e;

import com.chatpay.harness.SecretScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation's journey across the four services, on the stack {@code ./chatpay up} runs: two people onboard
 * (reading their SMS codes from the dev outbox), one pays the other 20 EUR, then tries 600 EUR; both are told.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentJourneyTests {

    private static LocalStack stack;
    private static ChatpayClient alice;
    private static ChatpayClient bob;

    @BeforeAll
    static void onboardTwoPeople() {
        stack = E2eStack.get();
        alice = new ChatpayClient(stack, "alice", "+33612345678", "4739");
        bob = new ChatpayClient(stack, "bob", "+33698765432", "8152");
        alice.onboard("Alice", ChatpayClient.VISA);
        bob.onboard("Bob", ChatpayClient.MASTERCARD);
        alice.at(ChatpayService.ONBOARDING).get("/v1/me/onboarding").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    @Order(1)
    void shouldPay20EurosAndTellBothPeople() {
        Response accepted = alice.pay(bob, 2_000, "Pour les croissants 🥐");
        assertThat(accepted.statusCode()).isIn(200, 202);
        String paymentId = accepted.path("paymentId");
        Response outcome = alice.awaitOutcome(paymentId);
        outcome.then().body("status", equalTo("COMPLETED"))
                .body("amount.value", equalTo(2_000))
                .body("amount.currency", equalTo("EUR"))
                .body("message", equalTo("Pour les croissants 🥐"))
                .body("payerId", equalTo(alice.userId))
                .body("payeeId", equalTo(bob.userId));

        bob.payment(paymentId).then().statusCode(200).body("status", equalTo("COMPLETED"));
        ChatpayClient stranger = new ChatpayClient(stack, "mallory", "+33611111111", "9753");
        stranger.payment(paymentId).then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alice.notificationTexts()).anySatisfy(t -> assertThat(t).contains("20,00"));
            assertThat(bob.notificationTexts()).anySatisfy(t -> assertThat(t).contains("Alice").contains("20,00"));
        });
    }

    @Test
    @Order(2)
    void shouldRejectA600EuroPaymentOverThePerPaymentLimit() {
        String paymentId = alice.pay(bob, 60_000, "trop").path("paymentId");
        alice.awaitOutcome(paymentId).then()
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("LIMIT_PER_PAYMENT_EXCEEDED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alice.notificationTexts()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    @Order(3)
    void shouldDeliverAPaymentCommittedWhileKafkaWasDownAndItsServiceCrashed() {
        stack.stopKafka(false);
        String paymentId;
        try {
            // without Kafka a service must not take traffic
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> io.restassured.RestAssured.given()
                    .baseUri(stack.serviceUri(ChatpayService.LIMITS).toString()).get("/q/health/ready")
                    .then().statusCode(503));
            Response accepted = alice.pay(bob, 500, "pendant la panne");
            assertThat(accepted.statusCode()).isEqualTo(202);
            paymentId = accepted.path("paymentId");
            // the payment and its PaymentRequested are committed; the relay cannot publish: crash now
            stack.stopService(ChatpayService.PAYMENT, true);
        } finally {
            stack.startKafka();
        }
        stack.startService(ChatpayService.PAYMENT);
        alice.awaitOutcome(paymentId).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    @Order(4)
    void shouldDecideTheNextPaymentByAPolicyOpsChangedAtRunTime() {
        try {
            putFrenchPolicy(1_000);
            String paymentId = alice.pay(bob, 1_500, "au-dessus du nouveau plafond").path("paymentId");
            alice.awaitOutcome(paymentId).then()
                    .body("status", equalTo("REJECTED"))
                    .body("reason", equalTo("LIMIT_PER_PAYMENT_EXCEEDED"));
        } finally {
            putFrenchPolicy(50_000);
        }
        String paymentId = alice.pay(bob, 1_500, "de nouveau permis").path("paymentId");
        alice.awaitOutcome(paymentId).then().body("status", equalTo("COMPLETED"));
    }

    private static void putFrenchPolicy(long perPaymentMax) {
        io.restassured.RestAssured.given().baseUri(stack.serviceUri(ChatpayService.LIMITS).toString())
                .header("Authorization", "Bearer " + stack.token("olivia-ops", true))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("currency", "EUR",
                        "perPaymentMax", java.util.Map.of("value", perPaymentMax, "currency", "EUR"),
                        "windowMax", java.util.Map.of("value", 150_000, "currency", "EUR"),
                        "window", "P30D", "timeZone", "Europe/Paris"))
                .put("/v1/ops/limit-policies/FR").then().statusCode(200);
    }

    @Test
    @Order(5)
    void shouldNeverKeepACardNumberPinOrSmsCodeInClearInLogsDatabasesOrTopics() {
        List<String> secrets = new ArrayList<>(List.of(ChatpayClient.VISA, ChatpayClient.VISA.replace(" ", ""),
                ChatpayClient.MASTERCARD, alice.pin, bob.pin));
        secrets.addAll(alice.codes);
        secrets.addAll(bob.codes);
        assertThat(alice.codes).isNotEmpty();
        assertThat(SecretScan.findings(stack, secrets)).isEmpty();
    }
}
