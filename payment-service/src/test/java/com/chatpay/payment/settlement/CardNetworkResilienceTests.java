package com.chatpay.payment.settlement;

import static com.chatpay.payment.testing.PaymentFixtures.activate;
import static com.chatpay.payment.testing.PaymentFixtures.awaitStatus;
import static com.chatpay.payment.testing.PaymentFixtures.card;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static com.chatpay.payment.testing.PaymentFixtures.reserve;
import static com.chatpay.payment.testing.PaymentFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.common.events.Topics;
import com.chatpay.payment.cardnetwork.CardNetwork;
import com.chatpay.payment.cardnetwork.CircuitBreaker;
import com.chatpay.payment.cardnetwork.ResilientCardNetwork;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.testing.LedgerAssertions;
import com.chatpay.payment.testing.PaymentFixtures;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An outage of the card network (the simulator's failure rate forced to 1): calls are retried, the breaker opens, the
 * payment stays PENDING without any invented outcome, and once the network is back the retried step completes it.
 */
@QuarkusTest
class CardNetworkResilienceTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");

    @Inject
    CardNetwork adapter;

    @Inject
    ResilientCardNetwork network;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void networkBackAndLedgerConsistent() {
        simulator().failureRate(0);
        LedgerAssertions.assertLedgerConsistent();
    }

    private SimulatedCardNetwork simulator() {
        return (SimulatedCardNetwork) adapter;
    }

    private double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldRetryThenOpenTheBreakerKeepThePaymentPendingAndCompleteItWhenTheNetworkRecovers() throws Exception {
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        double retriesBefore = counter("chatpay_card_network_retries_total", "operation", "authorize");
        double unavailableBefore = counter("chatpay_card_network_calls_total", "operation", "authorize",
                "outcome", "unavailable");
        simulator().failureRate(1);

        String paymentId = pay(payer, payee, 2000);
        reserve(paymentId, payer, 2000);

        await().atMost(Duration.ofSeconds(15)).until(() -> network.circuitState() != CircuitBreaker.State.CLOSED);
        assertThat(counter("chatpay_card_network_retries_total", "operation", "authorize") - retriesBefore)
                .isGreaterThanOrEqualTo(2);
        assertThat(counter("chatpay_card_network_calls_total", "operation", "authorize", "outcome", "unavailable"))
                .isGreaterThan(unavailableBefore);

        // the outage lasts longer than a cool-down: half-open trials fail, nothing is decided meanwhile
        Thread.sleep(1_500);
        assertThat(status(paymentId, payer)).isEqualTo("PENDING");
        assertThat(count("SELECT count(*) FROM payment WHERE id = ?::uuid AND network_retry_at IS NOT NULL",
                paymentId)).isEqualTo(1);
        assertThat(simulator().holdState(paymentId)).isEmpty();
        assertThat(LedgerAssertions.postingsOf(paymentId)).isEmpty();
        assertThat(TestKafka.records(Topics.PAYMENTS_EVENTS, v -> v.contains(paymentId)
                && !v.contains("\"type\":\"PaymentRequested\""), 1, Duration.ofMillis(500))).isEmpty();

        simulator().failureRate(0);

        awaitStatus(paymentId, payer, "COMPLETED");
        assertThat(network.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(count("SELECT count(*) FROM payment WHERE id = ?::uuid AND network_retry_at IS NULL", paymentId))
                .isEqualTo(1);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.PAYOUT, PostingKind.COMMISSION);
        PaymentFixtures.published(paymentId, "PaymentCompleted",
                com.chatpay.common.events.PaymentEvents.PaymentCompleted.class);
    }

    @Test
    void shouldRefuseACancelWhileTheNetworkIsDownChangingNothingAndAcceptItOnceItIsBack() {
        String paymentId = PaymentFixtures.awaitingPayeeFor(payer, payee, 1500);
        simulator().failureRate(1);

        given().header("Authorization", TestTokens.bearer(payer)).post("/v1/payments/" + paymentId + "/cancel")
                .then().statusCode(503).body("code", equalTo("CARD_NETWORK_UNAVAILABLE"))
                .header("Retry-After", "30");
        assertThat(status(paymentId, payer)).isEqualTo("AWAITING_PAYEE");
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.HELD);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactly(PostingKind.HOLD);

        simulator().failureRate(0);
        // the breaker may still be open for its cool-down: the payer tries again until the network answers
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .header("Authorization", TestTokens.bearer(payer)).post("/v1/payments/" + paymentId + "/cancel")
                .statusCode() == 200);
        assertThat(status(paymentId, payer)).isEqualTo("CANCELLED");
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.VOIDED);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE);
    }
}
