package com.chatpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment's life beyond the happy path, across the four services: money waiting for a payee who has not
 * onboarded yet (paid out when they do, or expired), a refund, and the 30-day window.
 */
class PaymentLifecycleTests {

    private static LocalStack stack;
    private static ChatpayClient payer;

    @BeforeAll
    static void onboardAPayer() {
        stack = E2eStack.get();
        payer = new ChatpayClient(stack, "paula", "+33611223344", "7391");
        payer.onboard("Paula", ChatpayClient.VISA);
    }

    private static String awaitStatus(ChatpayClient who, String paymentId, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250)).until(
                () -> status.equals(who.payment(paymentId).then().statusCode(200).extract().path("status")));
        return status;
    }

    @Test
    void shouldPayOutMoneyThatWaitedOnceThePayeeOnboards() {
        ChatpayClient newcomer = new ChatpayClient(stack, "nina", "+33655667788", "5928");
        String paymentId = payer.pay(newcomer, 1_000, "bienvenue").path("paymentId");
        awaitStatus(payer, paymentId, "AWAITING_PAYEE", Duration.ofSeconds(30));

        newcomer.onboard("Nina", ChatpayClient.MASTERCARD);
        awaitStatus(payer, paymentId, "COMPLETED", Duration.ofSeconds(30));
        newcomer.payment(paymentId).then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void shouldExpireMoneyNobodyCameToCollect() {
        ChatpayClient absent = new ChatpayClient(stack, "oscar", "+33699887766", "6284");
        String paymentId = payer.pay(absent, 300, "tu es là ?").path("paymentId");
        awaitStatus(payer, paymentId, "AWAITING_PAYEE", Duration.ofSeconds(30));
        awaitStatus(payer, paymentId, "EXPIRED", E2eStack.PAYEE_WAIT.plusSeconds(30));
    }

    @Test
    void shouldRefundACompletedPaymentAndGiveTheHeadroomBack() {
        ChatpayClient payee = new ChatpayClient(stack, "rita", "+33644556677", "8417");
        payee.onboard("Rita", ChatpayClient.MASTERCARD);
        long remainingBefore = remaining(payer);
        String paymentId = payer.pay(payee, 4_000, "remboursable").path("paymentId");
        awaitStatus(payer, paymentId, "COMPLETED", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> remaining(payer) == remainingBefore - 4_000);

        payee.at(ChatpayService.PAYMENT).body(Map.of("reason", "erreur de destinataire"))
                .post("/v1/payments/" + paymentId + "/refund").then().statusCode(200)
                .body("status", equalTo("REFUNDED"));
        payer.payment(paymentId).then().body("status", equalTo("REFUNDED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> remaining(payer) == remainingBefore);
    }

    @Test
    void shouldRefuseWhatWouldPassThe1500EurosOf30Days() {
        ChatpayClient spender = new ChatpayClient(stack, "sam", "+33633445566", "6173");
        spender.onboard("Sam", ChatpayClient.VISA);
        ChatpayClient payee = new ChatpayClient(stack, "tom", "+33622334455", "2947");
        payee.onboard("Tom", ChatpayClient.MASTERCARD);
        for (int i = 0; i < 3; i++) {
            Response paid = spender.pay(payee, 50_000, "loyer " + i);
            awaitStatus(spender, paid.path("paymentId"), "COMPLETED", Duration.ofSeconds(30));
        }
        String fourth = spender.pay(payee, 100, "un euro de trop").path("paymentId");
        spender.awaitOutcome(fourth).then()
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("LIMIT_WINDOW_EXCEEDED"));
        assertThat(remaining(spender)).isZero();
    }

    private static long remaining(ChatpayClient who) {
        return ((Number) who.at(ChatpayService.LIMITS).get("/v1/me/limits").then().statusCode(200)
                .extract().path("remaining.value")).longValue();
    }
}
