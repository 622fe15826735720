package com.chatpay.payment.reconciliation;

import static com.chatpay.payment.testing.PaymentFixtures.act;
import static com.chatpay.payment.testing.PaymentFixtures.activate;
import static com.chatpay.payment.testing.PaymentFixtures.awaitStatus;
import static com.chatpay.payment.testing.PaymentFixtures.card;
import static com.chatpay.payment.testing.PaymentFixtures.completedPayment;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static com.chatpay.payment.testing.PaymentFixtures.published;
import static com.chatpay.payment.testing.PaymentFixtures.reserve;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ops book the settlement they made with the issuer for a reversal or refund the card network refused: the ledger
 * gets the ADJUSTMENT in its place, the audit and the ChatpayPaymentNeedsReconciliation count agree again, and a
 * refund's payment is REFUNDED; once per payment, never for a payment with nothing refused, and only when a second
 * operator approved what the first proposed (four eyes on a manual ledger entry).
 */
@QuarkusTest
class ReconciliationTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");
    private final String ops = TestTokens.opsBearer("ops-7");
    private final String secondOps = TestTokens.opsBearer("ops-8");

    @Inject
    MeterRegistry registry;

    @AfterEach
    void ledgerStaysConsistent() {
        LedgerAssertions.assertLedgerConsistent();
    }

    private static Response propose(String authorization, String paymentId, Map<String, Object> body) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                .post("/v1/ops/payments/" + paymentId + "/reconciliation");
    }

    private Response propose(String paymentId) {
        return propose(ops, paymentId, Map.of("reference", "ISSUER-CASE-0042",
                "note", "the issuer credited the payer's card by hand"));
    }

    private static Response approve(String authorization, String paymentId) {
        return given().header("Authorization", authorization)
                .post("/v1/ops/payments/" + paymentId + "/reconciliation/approval");
    }

    private static Response reconciliation(String authorization, String paymentId) {
        return given().header("Authorization", authorization).get("/v1/ops/payments/" + paymentId + "/reconciliation");
    }

    /** Proposed by ops-7, approved by ops-8. */
    private Response reconcile(String paymentId) {
        propose(paymentId).then().statusCode(202);
        return approve(secondOps, paymentId);
    }

    @Test
    void shouldBookTheSettlementOfARefusedReversalAndCloseItForTheAlert() {
        activate(payer, card(PaymentFixtures.CHARGES_FINAL_CARD));
        activate(payee, card(PaymentFixtures.PAYOUT_FAILS_CARD));
        ReconciliationMetrics.awaitOpen(registry, "reverse", 0);
        String paymentId = pay(payer, payee, 2000);
        try {
            reserve(paymentId, payer, 2000);
            awaitStatus(paymentId, payer, "FAILED");
            ReconciliationMetrics.awaitOpen(registry, "reverse", 1);

            propose(TestTokens.bearer(payer), paymentId, Map.of("reference", "mine", "note", "give it back"))
                    .then().statusCode(403);
            propose(ops, paymentId, Map.of("reference", "ISSUER-CASE-0042", "note", " "))
                    .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
            propose(ops, paymentId, Map.of("note", "no reference")).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"));
            approve(secondOps, paymentId).then().statusCode(409).body("code", equalTo("NO_RECONCILIATION_PENDING"));
            assertThat(LedgerAssertions.postingsOf(paymentId)).doesNotContain(PostingKind.ADJUSTMENT);

            // a proposal books nothing; its author cannot approve it, nor can a payer
            propose(ops, paymentId, Map.of("reference", "ISSUER-CASE-0041", "note", "a mistyped case"))
                    .then().statusCode(202).body("status", equalTo("PENDING_APPROVAL"))
                    .body("requestedBy", equalTo("ops-7")).body("reconciledBy", nullValue());
            propose(paymentId).then().statusCode(409).body("code", equalTo("RECONCILIATION_PENDING"));
            approve(ops, paymentId).then().statusCode(403).body("code", equalTo("FOUR_EYES_REQUIRED"));
            approve(TestTokens.bearer(payer), paymentId).then().statusCode(403);
            reconciliation(secondOps, paymentId).then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                    .body("reference", equalTo("ISSUER-CASE-0041"));
            assertThat(LedgerAssertions.postingsOf(paymentId)).doesNotContain(PostingKind.ADJUSTMENT);
            ReconciliationMetrics.awaitOpen(registry, "reverse", 1);

            // withdrawn, it can be proposed again
            given().header("Authorization", secondOps).delete("/v1/ops/payments/" + paymentId + "/reconciliation")
                    .then().statusCode(204);
            reconciliation(secondOps, paymentId).then().statusCode(404);

            reconcile(paymentId).then().statusCode(201)
                    .body("paymentId", equalTo(paymentId))
                    .body("step", equalTo("REVERSE"))
                    .body("status", equalTo("RECONCILED"))
                    .body("amount.value", equalTo(2000))
                    .body("amount.currency", equalTo("EUR"))
                    .body("reference", equalTo("ISSUER-CASE-0042"))
                    .body("requestedBy", equalTo("ops-7"))
                    .body("reconciledBy", equalTo("ops-8"))
                    .body("paymentStatus", equalTo("FAILED"));

            assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                    PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.ADJUSTMENT);
            assertThat(LedgerAssertions.violations()).noneMatch(v -> v.contains(paymentId));
            ReconciliationMetrics.awaitOpen(registry, "reverse", 0);

            propose(paymentId).then().statusCode(409).body("code", equalTo("NOTHING_TO_RECONCILE"));
            approve(secondOps, paymentId).then().statusCode(409).body("code", equalTo("NOTHING_TO_RECONCILE"));
            assertThat(count("SELECT count(*) FROM payment_reconciliation WHERE payment_id = ?::uuid", paymentId))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM ledger_entry WHERE payment_id = ?::uuid AND kind = 'ADJUSTMENT'",
                    paymentId)).as("one posting: a debit and a credit").isEqualTo(2);
        } finally {
            LedgerAssertions.forget(paymentId);
        }
    }

    @Test
    void shouldRefundThePaymentWhoseRefundWasRefusedOnceSettledAndCloseItsDispute() {
        activate(payer, card(PaymentFixtures.CHARGES_FINAL_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        ReconciliationMetrics.awaitOpen(registry, "refund", 0);
        String paymentId = pay(payer, payee, 2500);
        try {
            reserve(paymentId, payer, 2500);
            awaitStatus(paymentId, payer, "COMPLETED");
            String disputeId = act(TestTokens.bearer(payer), paymentId, "dispute", "never got the tickets")
                    .then().statusCode(201).extract().path("disputeId");
            act(TestTokens.bearer(payee), paymentId, "refund", "no tickets left").then().statusCode(422)
                    .body("code", equalTo("REFUND_FAILED"));
            ReconciliationMetrics.awaitOpen(registry, "refund", 1);

            reconcile(paymentId).then().statusCode(201)
                    .body("step", equalTo("REFUND"))
                    .body("paymentStatus", equalTo("REFUNDED"));

            PaymentRefunded refunded = published(paymentId, "PaymentRefunded", PaymentRefunded.class);
            assertThat(refunded.reason()).isEqualTo("REFUNDED_AFTER_DISPUTE");
            assertThat(LedgerAssertions.postingsOf(paymentId)).containsExactlyInAnyOrder(PostingKind.HOLD,
                    PostingKind.HOLD_RELEASE, PostingKind.CAPTURE, PostingKind.PAYOUT, PostingKind.COMMISSION,
                    PostingKind.PAYOUT_REVERSAL, PostingKind.ADJUSTMENT, PostingKind.COMMISSION_REVERSAL);
            assertThat(LedgerAssertions.violations()).noneMatch(v -> v.contains(paymentId));
            assertThat(count("SELECT count(*) FROM dispute WHERE id = ?::uuid AND status = 'REFUNDED'", disputeId))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM payment_refund WHERE payment_id = ?::uuid AND by_ops"
                    + " AND requested_by = 'ops-8'", paymentId)).as("the approver refunded").isEqualTo(1);
            ReconciliationMetrics.awaitOpen(registry, "refund", 0);
            given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + paymentId)
                    .then().statusCode(200).body("status", equalTo("REFUNDED"))
                    .body("reason", equalTo("REFUNDED_AFTER_DISPUTE"));
        } finally {
            LedgerAssertions.forget(paymentId);
        }
    }

    @Test
    void shouldRefuseAPaymentWithNothingRefusedAndWriteNothing() {
        String paymentId = completedPayment(payer, payee, 1200);

        propose(paymentId).then().statusCode(409).body("code", equalTo("NOTHING_TO_RECONCILE"));
        approve(secondOps, paymentId).then().statusCode(409).body("code", equalTo("NO_RECONCILIATION_PENDING"));
        propose(UUID.randomUUID().toString()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        propose("not-a-payment").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        approve(secondOps, UUID.randomUUID().toString()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        assertThat(LedgerAssertions.postingsOf(paymentId)).doesNotContain(PostingKind.ADJUSTMENT);
        assertThat(count("SELECT count(*) FROM payment_reconciliation WHERE payment_id = ?::uuid", paymentId))
                .isZero();
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + paymentId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }
}
