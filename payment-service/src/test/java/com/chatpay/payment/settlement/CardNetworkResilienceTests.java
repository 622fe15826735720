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
import static com.chatpay.payment.testing.PaymentFixtures.published;

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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An outage of the card network (the simulator's failure rate forced to 1, for every operation or some): calls are
 * retried, the breaker opens, the payment stays in progress without any invented outcome (nor a hold released under
 * a capture), and once the network is back the retried step completes it.
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

    /**
     * A payment whose hold was granted and booked and whose capture then met an outage goes on from the capture when
     * its step runs again: the authorization is not asked again. For a card whose authorizations always time out,
     * asking again made every retry's first call a timeout, which reopened the half-open breaker before the capture
     * could go through, so such a payment stayed PENDING for as long as nothing else closed the breaker (found by the
     * reliability suite's card-network scenario, once only those payments were left).
     */
    @Test
    void shouldGoOnFromTheCaptureWithoutAuthorizingAgainWhenTheHoldIsBooked() {
        activate(payer, card(PaymentFixtures.TIMEOUT_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        simulator().failureRate(1, Set.of("capture"));

        String paymentId = pay(payer, payee, 1700);
        reserve(paymentId, payer, 1700);

        // the authorization timed out, the network's status said the hold was granted, the captures failed
        await().atMost(Duration.ofSeconds(15)).until(() -> network.circuitState() != CircuitBreaker.State.CLOSED
                && LedgerAssertions.postingsOf(paymentId).contains(PostingKind.HOLD));
        assertThat(status(paymentId, payer)).isEqualTo("PENDING");
        double authorizations = counter("chatpay_card_network_calls_total", "operation", "authorize",
                "outcome", "timed_out");

        simulator().failureRate(0);

        awaitStatus(paymentId, payer, "COMPLETED");
        assertThat(counter("chatpay_card_network_calls_total", "operation", "authorize", "outcome", "timed_out"))
                .as("authorizations asked again").isEqualTo(authorizations);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.PAYOUT, PostingKind.COMMISSION);
    }

    /**
     * A request that moves money finishes what it began when its client goes away: a cancel whose connection is
     * closed while the network voids the hold still ends the payment CANCELLED with the release booked. Quarkus REST
     * cancels a resource's Uni when its connection closes (unless the resource is {@code @Cancellable(false)}); this
     * checks that the work inside the transaction still runs to its end. Cut short, the void would be done at the
     * network and its booking dropped with the transaction: the payment left AWAITING_PAYEE with its hold gone.
     */
    @Test
    void shouldFinishACancelWhoseClientHungUpWhileTheNetworkVoidedTheHold() throws Exception {
        String paymentId = PaymentFixtures.awaitingPayeeFor(payer, payee, 1400);
        simulator().latency(Duration.ofMillis(1500));
        try {
            try (java.net.Socket client = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                client.getOutputStream().write(("POST /v1/payments/" + paymentId + "/cancel HTTP/1.1\r\n"
                        + "Host: localhost\r\nAuthorization: " + TestTokens.bearer(payer) + "\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                // the void (1.5 s) is under way at the network when the client hangs up
                Thread.sleep(500);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(status(paymentId, payer)));
        } finally {
            simulator().latency(Duration.ofMillis(5));
        }
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.VOIDED);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE);
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

    @Test
    void shouldKeepAPaymentWhoseCaptureCouldNotBeReversedInProgressUntilTheReversalGoesThrough() {
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.PAYOUT_FAILS_CARD));
        double unavailableBefore = counter("chatpay_card_network_calls_total", "operation", "reverse",
                "outcome", "unavailable");
        simulator().failureRate(1, Set.of("reverse"));

        String paymentId = pay(payer, payee, 2500);
        reserve(paymentId, payer, 2500);

        // the push is refused after the capture, and the reversal cannot get through: the payer's money is captured
        // and not paid out, so the payment is not over (no FAILED while the capture stands)
        await().atMost(Duration.ofSeconds(15)).until(() -> counter("chatpay_card_network_calls_total",
                "operation", "reverse", "outcome", "unavailable") > unavailableBefore);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> "PENDING".equals(status(paymentId, payer)));
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.CAPTURED);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE);
        assertThat(TestKafka.records(Topics.PAYMENTS_EVENTS, v -> v.contains(paymentId)
                && v.contains("\"type\":\"PaymentFailed\""), 1, Duration.ofMillis(500))).isEmpty();

        simulator().failureRate(0);

        awaitStatus(paymentId, payer, "FAILED");
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.REVERSED);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.REVERSAL);
        assertThat(published(paymentId, "PaymentFailed",
                com.chatpay.common.events.PaymentEvents.PaymentFailed.class).reason()).isEqualTo("PAYOUT_FAILED");
    }

    @Test
    void shouldNeitherCancelDeclineNorExpireAPaymentWhosePayoutIsUnderWay() {
        String paymentId = PaymentFixtures.awaitingPayeeFor(payer, payee, 1800);
        simulator().failureRate(1, Set.of("push"));

        // the payee activates: the payer's card is captured, the push cannot get through and is retried later
        activate(payee, card(PaymentFixtures.OK_CARD));
        await().atMost(Duration.ofSeconds(15)).until(() -> LedgerAssertions.postingsOf(paymentId)
                .contains(PostingKind.CAPTURE));
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.CAPTURED);

        given().header("Authorization", TestTokens.bearer(payer)).post("/v1/payments/" + paymentId + "/cancel")
                .then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("PAYMENT_PAYOUT_UNDER_WAY"));
        given().header("Authorization", TestTokens.bearer(payee)).post("/v1/payments/" + paymentId + "/decline")
                .then().statusCode(409)
                .body("code", equalTo("PAYMENT_PAYOUT_UNDER_WAY"));
        // its wait ends: the expiry sweep (every second here) leaves it to the retry, which holds the money
        PaymentFixtures.update("UPDATE payment SET expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                paymentId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> "AWAITING_PAYEE".equals(status(paymentId, payer)));
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.CAPTURED);

        simulator().failureRate(0);

        awaitStatus(paymentId, payer, "COMPLETED");
        assertThat(simulator().payoutState(paymentId)).contains(SimulatedCardNetwork.PayoutState.PAID_OUT);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.PAYOUT, PostingKind.COMMISSION);
    }

    @Test
    void shouldGiveTheCaptureBackWhenThePayeeCanNoLongerReceiveOnceTheRetriedPayoutRuns() {
        String paymentId = PaymentFixtures.awaitingPayeeFor(payer, payee, 1200);
        simulator().failureRate(1, Set.of("push"));
        String payeeCard = card(PaymentFixtures.OK_CARD);
        activate(payee, payeeCard);
        await().atMost(Duration.ofSeconds(15)).until(() -> LedgerAssertions.postingsOf(paymentId)
                .contains(PostingKind.CAPTURE));

        // the payee removes the card while the push waits for the network
        PaymentFixtures.sendOnboarding(new com.chatpay.common.events.OnboardingEvents.CardRemoved(payee, payeeCard),
                payee);
        PaymentFixtures.awaitUser(payee, "card_token IS NULL");
        simulator().failureRate(0);

        awaitStatus(paymentId, payer, "FAILED");
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.REVERSED);
        assertThat(simulator().payoutState(paymentId)).isEmpty();
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.REVERSAL);
    }
}
