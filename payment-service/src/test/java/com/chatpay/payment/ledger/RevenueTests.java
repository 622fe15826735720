package com.chatpay.payment.ledger;

import static com.chatpay.payment.testing.PaymentFixtures.act;
import static com.chatpay.payment.testing.PaymentFixtures.activate;
import static com.chatpay.payment.testing.PaymentFixtures.awaitStatus;
import static com.chatpay.payment.testing.PaymentFixtures.card;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static com.chatpay.payment.testing.PaymentFixtures.reserve;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.payment.testing.LedgerAssertions;
import com.chatpay.payment.testing.PaymentFixtures;
import com.chatpay.payment.testing.TestClockProducer;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ops' monthly commission report, in months of the past only this class books in (by shifting the clock). */
@QuarkusTest
class RevenueTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");
    private final String ops = TestTokens.opsBearer("ops-1");

    @jakarta.inject.Inject
    LedgerAudit audit;

    @AfterEach
    void resetClockAndCheckTheLedger() {
        TestClockProducer.CLOCK.reset();
        LedgerAssertions.assertLedgerConsistent();
    }

    private void completeAt(String paymentId, long amount, Instant at) {
        TestClockProducer.CLOCK.setNow(at);
        reserve(paymentId, payer, amount);
        awaitStatus(paymentId, payer, "COMPLETED");
    }

    @Test
    void shouldReportCommissionsPerCountryAndMonthAcrossAMonthBoundary() {
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        String january = pay(payer, payee, 1000);
        String february = pay(payer, payee, 2000);
        String refundedInFebruary = pay(payer, payee, 3000);

        completeAt(january, 1000, Instant.parse("2025-01-31T23:57:00Z"));
        completeAt(february, 2000, Instant.parse("2025-02-01T00:00:00Z"));
        completeAt(refundedInFebruary, 3000, Instant.parse("2025-02-01T00:01:00Z"));
        act(TestTokens.bearer(payee), refundedInFebruary, "refund", "duplicate").then().statusCode(200);
        TestClockProducer.CLOCK.reset();

        // FR: 10 cents per payment, paid by the platform to the payer's bank
        given().header("Authorization", ops).queryParam("month", "2025-01").get("/v1/ops/revenue")
                .then().statusCode(200).body("month", equalTo("2025-01"))
                .body("countries.size()", equalTo(1))
                .body("countries[0].country", equalTo("FR"))
                .body("countries[0].count", equalTo(1))
                .body("countries[0].reversed", equalTo(0))
                .body("countries[0].total.value", equalTo(-10))
                .body("countries[0].total.currency", equalTo("EUR"));
        given().header("Authorization", ops).queryParam("month", "2025-02").get("/v1/ops/revenue")
                .then().statusCode(200)
                .body("countries[0].count", equalTo(2))
                .body("countries[0].reversed", equalTo(1))
                .body("countries[0].total.value", equalTo(-10));
        given().header("Authorization", ops).queryParam("month", "2024-12").get("/v1/ops/revenue")
                .then().statusCode(200).body("countries", empty());
    }

    @Test
    void shouldReportTheCurrentMonthOfTheClockByDefault() {
        TestClockProducer.CLOCK.setNow(Instant.parse("2025-03-15T12:00:00Z"));

        given().header("Authorization", ops).get("/v1/ops/revenue")
                .then().statusCode(200).body("month", equalTo("2025-03")).body("countries", empty());
    }

    @Test
    void shouldRefuseBadMonthsAndNonOps() {
        given().header("Authorization", ops).queryParam("month", "2025-13").get("/v1/ops/revenue")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().header("Authorization", ops).queryParam("month", "March").get("/v1/ops/revenue")
                .then().statusCode(400);
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/ops/revenue").then().statusCode(403);
        given().get("/v1/ops/revenue").then().statusCode(401);
    }

    @Test
    void shouldAuditTheWholeLedgerForOpsAndReportAnUnbalancedPosting() throws Exception {
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        String paymentId = pay(payer, payee, 1200);
        reserve(paymentId, payer, 1200);
        awaitStatus(paymentId, payer, "COMPLETED");

        given().header("Authorization", ops).get("/v1/ops/ledger/audit")
                .then().statusCode(200).body("violations", empty())
                .body("payments", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("lines", org.hamcrest.Matchers.greaterThanOrEqualTo(6));
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/ops/ledger/audit").then().statusCode(403);

        // a second payout line, as a doubled event effect would book: the audit names the payment
        String stray = java.util.UUID.randomUUID().toString();
        try (var db = com.chatpay.testsupport.TestInfrastructure.jdbc(); var insert = db.prepareStatement(
                "INSERT INTO ledger_entry (id, posting_id, payment_id, kind, country, account, side, amount_value,"
                        + " currency, booked_at) VALUES (?::uuid, ?::uuid, ?::uuid, 'PAYOUT_REVERSAL', 'FR',"
                        + " 'PAYEE_PAYOUT', 'DEBIT', 1200, 'EUR', now())")) {
            insert.setString(1, stray);
            insert.setString(2, stray);
            insert.setString(3, paymentId);
            insert.executeUpdate();
        }
        try {
            given().header("Authorization", ops).get("/v1/ops/ledger/audit")
                    .then().statusCode(200)
                    .body("violations", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(paymentId)));
        } finally {
            try (var db = com.chatpay.testsupport.TestInfrastructure.jdbc(); var delete = db.prepareStatement(
                    "DELETE FROM ledger_entry WHERE id = ?::uuid")) {
                delete.setString(1, stray);
                delete.executeUpdate();
            }
        }
    }

    /** Two payments of 7 and 8 euros from payer to payee, completed. */
    private java.util.List<String> twoCompletedPayments() {
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        String first = pay(payer, payee, 700);
        String second = pay(payer, payee, 800);
        reserve(first, payer, 700);
        reserve(second, payer, 800);
        awaitStatus(first, payer, "COMPLETED");
        awaitStatus(second, payer, "COMPLETED");
        return java.util.List.of(first, second);
    }

    /** Books one stray line (a payout reversal's debit, without its credit) for the payment; answers its id. */
    private static String strayLine(String paymentId, long amount) {
        String stray = java.util.UUID.randomUUID().toString();
        PaymentFixtures.update("INSERT INTO ledger_entry (id, posting_id, payment_id, kind, country, account, side,"
                + " amount_value, currency, booked_at) VALUES (?::uuid, ?::uuid, ?::uuid, 'PAYOUT_REVERSAL', 'FR',"
                + " 'PAYEE_PAYOUT', 'DEBIT', " + amount + ", 'EUR', now())", stray, stray, paymentId);
        return stray;
    }

    /**
     * The audit reads the ledger a page of payments at a time: with pages of one payment it still counts every
     * payment and finds the broken one among the others.
     */
    @Test
    void shouldAuditPageByPage() {
        java.util.List<String> completed = twoCompletedPayments();
        String first = completed.get(0);
        String second = completed.get(1);
        long payments = PaymentFixtures.count("SELECT count(*) FROM payment");
        String stray = strayLine(second, 800);
        audit.pageSize(1);
        try {
            given().header("Authorization", ops).get("/v1/ops/ledger/audit")
                    .then().statusCode(200)
                    .body("payments", equalTo((int) payments))
                    .body("violations", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(second)))
                    .body("violations", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                            org.hamcrest.Matchers.containsString(first))));
        } finally {
            audit.pageSize(LedgerAudit.PAGE);
            PaymentFixtures.update("DELETE FROM ledger_entry WHERE id = ?::uuid", stray);
        }
    }

    /** A badly broken ledger answers with a count of its violations and the first few, not a list as long as it. */
    @Test
    void shouldCountEveryViolationAndListTheFirstOnes() {
        java.util.List<String> completed = twoCompletedPayments();
        java.util.List<String> strays = java.util.List.of(strayLine(completed.get(0), 700),
                strayLine(completed.get(1), 800));
        audit.pageSize(1);
        audit.listed(1);
        try {
            int found = given().header("Authorization", ops).get("/v1/ops/ledger/audit")
                    .then().statusCode(200)
                    .body("violations", org.hamcrest.Matchers.hasSize(1))
                    .extract().path("violationCount");
            // each stray line unbalances its posting and breaks its payment's money: at least one violation each
            org.assertj.core.api.Assertions.assertThat(found).isGreaterThanOrEqualTo(2);
        } finally {
            audit.pageSize(LedgerAudit.PAGE);
            audit.listed(LedgerAudit.LISTED);
            strays.forEach(stray -> PaymentFixtures.update("DELETE FROM ledger_entry WHERE id = ?::uuid", stray));
        }
    }
}
