package com.chatpay.e2e;

import static org.hamcrest.Matchers.equalTo;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import com.chatpay.testsupport.SoftwareAuthenticator;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A payment confirmed with fingerprint/face: a WebAuthn device enrolled once, then an assertion for that payment. */
class BiometricPaymentTests {

    /** The local stack's relying party (the dev profile's defaults). */
    private static final String RP_ID = "localhost";
    private static final String ORIGIN = "https://localhost";

    @Test
    void shouldPayWithABiometricAssertionBoundToThePayment() {
        LocalStack stack = E2eStack.get();
        ChatpayClient payer = new ChatpayClient(stack, "bianca", "+33612121212", "5831");
        ChatpayClient payee = new ChatpayClient(stack, "bruno", "+33613131313", "9264");
        payer.onboard("Bianca", ChatpayClient.VISA);
        payee.onboard("Bruno", ChatpayClient.MASTERCARD);

        SoftwareAuthenticator phone = new SoftwareAuthenticator(RP_ID, ORIGIN);
        String registration = payer.at(ChatpayService.ONBOARDING).post("/v1/me/devices/registration-options")
                .then().statusCode(200).extract().path("challenge");
        payer.at(ChatpayService.ONBOARDING).body(phone.register(registration, "Pixel", payer.pin))
                .post("/v1/me/devices").then().statusCode(201);

        Map<String, Object> amount = Map.of("value", 1_200, "currency", "EUR");
        String challenge = payer.at(ChatpayService.ONBOARDING)
                .body(Map.of("payeeId", payee.userId, "amount", amount))
                .post("/v1/payment-authorizations/options").then().statusCode(201).extract().path("challenge");

        // the same assertion cannot confirm another amount
        payer.at(ChatpayService.ONBOARDING).body(Map.of("payeeId", payee.userId,
                        "amount", Map.of("value", 9_900, "currency", "EUR"), "assertion", phone.assertion(challenge)))
                .post("/v1/payment-authorizations").then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"));

        String fresh = payer.at(ChatpayService.ONBOARDING)
                .body(Map.of("payeeId", payee.userId, "amount", amount))
                .post("/v1/payment-authorizations/options").then().statusCode(201).extract().path("challenge");
        String token = payer.at(ChatpayService.ONBOARDING)
                .body(Map.of("payeeId", payee.userId, "amount", amount, "assertion", phone.assertion(fresh)))
                .post("/v1/payment-authorizations").then().statusCode(201).extract().path("authorizationToken");

        String paymentId = payer.at(ChatpayService.PAYMENT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("payeeId", payee.userId, "conversationId", "conv-bio", "amount", amount,
                        "authorizationToken", token))
                .post("/v1/payments").then().statusCode(202).extract().path("paymentId");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                payer.payment(paymentId).then().statusCode(200).extract().path("status")));
    }
}
