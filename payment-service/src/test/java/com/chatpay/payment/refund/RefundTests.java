package com.chatpay.payment.refund;

import static com.chatpay.payment.testing.PaymentFixtures.act;
import static com.chatpay.payment.testing.PaymentFixtures.awaitingPayeeFor;
import static com.chatpay.payment.testing.PaymentFixtures.completedPayment;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.published;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.money.Money;
import com.chatpay.payment.cardnetwork.CardNetwork;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.testing.LedgerAssertions;
import com.chatpay.payment.testing.PaymentFixtures;
import com.chatpay.payment.testing.ReconciliationMetrics;
import com.chatpay.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");
    private final String ops = TestTokens.opsBearer("ops-1");

    @Inject
    CardNetwork network;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void ledgerStaysConsistent() {
        LedgerAssertions.assertLedgerConsistent();
    }

    private SimulatedCardNetwork simulator() {
        return (SimulatedCardNetwork) network;
    }

    private static Response resolve(String disputeId, String outcome, String note) {
        return given().header("Authorization", TestTokens.opsBearer("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "note", note))
                .post("/v1/ops/disputes/" + disputeId + "/resolve");
    }

    @Test
    void shouldLetThePayeeRefundACompletedPayment() {
        String paymentId = completedPayment(payer, payee, 2500);

        act(TestTokens.bearer(payee), paymentId, "refund", "sold out, sorry 🙏")
                .then().statusCode(200).body("status", equalTo("REFUNDED"))
                .body("reason", equalTo("REFUNDED_BY_PAYEE"));

        PaymentRefunded refunded = published(paymentId, "PaymentRefunded", PaymentRefunded.class);
        assertThat(refunded.payerId()).isEqualTo(payer);
        assertThat(refunded.amount()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(refunded.reason()).isEqualTo("REFUNDED_BY_PAYEE");
        assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.REFUNDED);
        assertThat(simulator().payoutState(paymentId)).contains(SimulatedCardNetwork.PayoutState.REVERSED);
        assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.PAYOUT, PostingKind.COMMISSION,
                PostingKind.PAYOUT_REVERSAL, PostingKind.REFUND, PostingKind.COMMISSION_REVERSAL);
        assertThat(PaymentFixtures.count("SELECT count(*) FROM payment_refund WHERE payment_id = ?::uuid"
                + " AND requested_by = ? AND NOT by_ops AND note = 'sold out, sorry 🙏'", paymentId, payee))
                .isEqualTo(1);
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + paymentId)
                .then().body("status", equalTo("REFUNDED"));
    }

    /**
     * The payout is taken back from the payee, then the payer's issuer refuses the refund: the money sits with chatpay,
     * which no payment state says. The refund answers 422 and the refusal is counted for the
     * ChatpayPaymentNeedsReconciliation alert; the ledger audit names the payment.
     */
    @Test
    void shouldCallForReconciliationWhenThePayersRefundIsRefusedAfterThePayoutWasTakenBack() {
        PaymentFixtures.activate(payer, PaymentFixtures.card(PaymentFixtures.CHARGES_FINAL_CARD));
        PaymentFixtures.activate(payee, PaymentFixtures.card(PaymentFixtures.OK_CARD));
        double before = ReconciliationMetrics.needed(registry, "refund");
        ReconciliationMetrics.awaitOpen(registry, "refund", 0);
        String paymentId = PaymentFixtures.pay(payer, payee, 2500);
        try {
            PaymentFixtures.reserve(paymentId, payer, 2500);
            PaymentFixtures.awaitStatus(paymentId, payer, "COMPLETED");

            act(TestTokens.bearer(payee), paymentId, "refund", "sold out").then().statusCode(422)
                    .body("code", equalTo("REFUND_FAILED"));

            assertThat(simulator().payoutState(paymentId)).contains(SimulatedCardNetwork.PayoutState.REVERSED);
            assertThat(simulator().holdState(paymentId)).contains(SimulatedCardNetwork.HoldState.CAPTURED);
            assertThat(ReconciliationMetrics.needed(registry, "refund")).isEqualTo(before + 1);
            assertThat(LedgerAssertions.violations()).isNotEmpty().allMatch(v -> v.contains(paymentId));
            // the ledger keeps it open, and so the alert firing, until someone settles it
            ReconciliationMetrics.awaitOpen(registry, "refund", 1);
            ReconciliationMetrics.awaitOpen(registry, "reverse", 0);
        } finally {
            LedgerAssertions.forget(paymentId);
        }
        ReconciliationMetrics.awaitOpen(registry, "refund", 0);
    }


    @Test
    void shouldRefundOnlyForThePayeeOrOpsAndOnlyOnce() {
        String paymentId = completedPayment(payer, payee, 1200);

        act(TestTokens.bearer(payer), paymentId, "refund", "changed my mind")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        act(TestTokens.bearer(newUser("stranger")), paymentId, "refund", "why not")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        act(TestTokens.bearer(payee), paymentId, "refund", "  ")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        act(ops, paymentId, "refund", "fraud confirmed by the bank")
                .then().statusCode(200).body("reason", equalTo("REFUNDED_BY_OPS"));
        act(TestTokens.bearer(payee), paymentId, "refund", "again")
                .then().statusCode(409).body("code", equalTo("PAYMENT_NOT_COMPLETED"));
        assertThat(PaymentFixtures.count("SELECT count(*) FROM ledger_entry WHERE payment_id = ?::uuid"
                + " AND kind = 'REFUND' AND side = 'DEBIT'", paymentId)).isEqualTo(1);
    }

    @Test
    void shouldRefundOnceWhenThePayeeAndOpsRefundAtTheSameTime() throws Exception {
        String paymentId = completedPayment(payer, payee, 1600);
        String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "charged twice")
                .then().statusCode(201).extract().path("disputeId");

        CompletableFuture<Integer> byPayee = CompletableFuture.supplyAsync(
                () -> act(TestTokens.bearer(payee), paymentId, "refund", "sorry").statusCode());
        CompletableFuture<Integer> byOps = CompletableFuture.supplyAsync(
                () -> resolve(disputeId, "REFUND", "confirmed").statusCode());

        assertThat(List.of(byPayee.get(30, TimeUnit.SECONDS), byOps.get(30, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(200, 409);
        assertThat(PaymentFixtures.count("SELECT count(*) FROM ledger_entry WHERE payment_id = ?::uuid"
                + " AND kind = 'REFUND' AND side = 'DEBIT'", paymentId)).isEqualTo(1);
        assertThat(PaymentFixtures.count("SELECT count(*) FROM dispute WHERE id = ?::uuid AND status = 'REFUNDED'",
                disputeId)).isEqualTo(1);
    }

    @Test
    void shouldNotRefundAPaymentThatIsNotCompleted() {
        String paymentId = awaitingPayeeFor(payer, payee, 900);

        act(TestTokens.bearer(payee), paymentId, "refund", "not mine")
                .then().statusCode(409).body("code", equalTo("PAYMENT_NOT_COMPLETED"));
        act(TestTokens.bearer(payer), paymentId, "dispute", "never received")
                .then().statusCode(409).body("code", equalTo("PAYMENT_NOT_COMPLETED"));
    }

    @Test
    void shouldRefundADisputeOpsUphold() {
        String paymentId = completedPayment(payer, payee, 3000);

        String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "the concert was cancelled")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("paymentId", equalTo(paymentId))
                .extract().path("disputeId");
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + paymentId)
                .then().body("status", equalTo("COMPLETED"));
        given().header("Authorization", ops).queryParam("status", "OPEN").queryParam("limit", 100)
                .get("/v1/ops/disputes").then().statusCode(200)
                .body("items.disputeId", hasItem(disputeId));

        resolve(disputeId, "REFUND", "organizer confirmed the cancellation")
                .then().statusCode(200).body("status", equalTo("REFUNDED"))
                .body("resolutionNote", equalTo("organizer confirmed the cancellation"));

        assertThat(published(paymentId, "PaymentRefunded", PaymentRefunded.class).reason())
                .isEqualTo("REFUNDED_AFTER_DISPUTE");
        given().header("Authorization", TestTokens.bearer(payee)).get("/v1/payments/" + paymentId)
                .then().body("status", equalTo("REFUNDED")).body("reason", equalTo("REFUNDED_AFTER_DISPUTE"));
        given().header("Authorization", ops).queryParam("status", "OPEN").queryParam("limit", 100)
                .get("/v1/ops/disputes").then().body("items.disputeId", not(hasItem(disputeId)));
        resolve(disputeId, "REJECT", "too late").then().statusCode(409).body("code", equalTo("DISPUTE_NOT_OPEN"));
    }

    @Test
    void shouldKeepThePaymentWhenOpsRejectADispute() {
        String paymentId = completedPayment(payer, payee, 1800);
        String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "I did not get the book")
                .then().statusCode(201).extract().path("disputeId");
        act(TestTokens.bearer(payer), paymentId, "dispute", "still nothing")
                .then().statusCode(409).body("code", equalTo("DISPUTE_ALREADY_OPEN"));

        resolve(disputeId, "REJECT", "tracking shows delivery").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("resolvedAt", not(nullValue()));

        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + paymentId)
                .then().body("status", equalTo("COMPLETED"));
        assertThat(LedgerAssertions.postingsOf(paymentId)).doesNotContain(PostingKind.REFUND);
        resolve(disputeId, "REFUND", "changed our mind").then().statusCode(409)
                .body("code", equalTo("DISPUTE_NOT_OPEN"));
    }

    @Test
    void shouldCloseAnOpenDisputeWhenThePayeeRefunds() {
        String paymentId = completedPayment(payer, payee, 700);
        String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "wrong amount")
                .then().statusCode(201).extract().path("disputeId");

        act(TestTokens.bearer(payee), paymentId, "refund", "my mistake").then().statusCode(200);

        given().header("Authorization", ops).queryParam("status", "REFUNDED").queryParam("limit", 100)
                .get("/v1/ops/disputes").then().statusCode(200).body("items.disputeId", hasItem(disputeId));
    }

    @Test
    void shouldLetOnlyThePayerDisputeAndOnlyOpsResolve() {
        String paymentId = completedPayment(payer, payee, 1100);

        act(TestTokens.bearer(payee), paymentId, "dispute", "hmm").then().statusCode(403);
        act(TestTokens.bearer(newUser("stranger")), paymentId, "dispute", "hmm").then().statusCode(404);
        String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "duplicate charge")
                .then().statusCode(201).extract().path("disputeId");

        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/ops/disputes").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(payer)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REFUND", "note", "please")).post("/v1/ops/disputes/" + disputeId + "/resolve")
                .then().statusCode(403);
        resolve(disputeId, "MAYBE", "?").then().statusCode(400);
        resolve(java.util.UUID.randomUUID().toString(), "REJECT", "no such").then().statusCode(404);
        given().header("Authorization", ops).queryParam("status", "SOMETIMES").get("/v1/ops/disputes")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }
}
