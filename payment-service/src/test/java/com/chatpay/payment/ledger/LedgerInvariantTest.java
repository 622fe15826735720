package com.chatpay.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.LedgerInvariant.Line;
import com.chatpay.payment.ledger.LedgerInvariant.PaymentFacts;
import com.chatpay.payment.payment.PaymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerInvariantTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Money AMOUNT = Money.of(2000, "EUR");
    private static final Commission COMMISSION = new Commission(Money.of(10, "EUR"),
            CommissionDirection.PLATFORM_PAYS_BANK);
    private static final CommissionSchedule FR = new CommissionSchedule(Map.of("FR", COMMISSION));

    private final UUID id = UUID.randomUUID();

    private List<LedgerPosting> held() {
        return List.of(LedgerPosting.hold(id, "FR", AMOUNT, AT));
    }

    private List<LedgerPosting> captured() {
        List<LedgerPosting> postings = new ArrayList<>(held());
        postings.add(LedgerPosting.holdRelease(id, "FR", AMOUNT, AT));
        postings.add(LedgerPosting.capture(id, "FR", AMOUNT, AT));
        return postings;
    }

    private List<LedgerPosting> completed() {
        List<LedgerPosting> postings = new ArrayList<>(captured());
        postings.add(LedgerPosting.payout(id, "FR", AMOUNT, AT));
        postings.add(LedgerPosting.commission(id, "FR", COMMISSION, AT));
        return postings;
    }

    private List<LedgerPosting> refunded() {
        List<LedgerPosting> postings = new ArrayList<>(completed());
        postings.add(LedgerPosting.payoutReversal(id, "FR", AMOUNT, AT));
        postings.add(LedgerPosting.refund(id, "FR", AMOUNT, AT));
        postings.add(LedgerPosting.commissionReversal(postings.get(4), AT));
        return postings;
    }

    private List<LedgerPosting> reversedAfterPayoutFailure() {
        List<LedgerPosting> postings = new ArrayList<>(captured());
        postings.add(LedgerPosting.reversal(id, "FR", AMOUNT, AT));
        return postings;
    }

    private List<LedgerPosting> voided() {
        List<LedgerPosting> postings = new ArrayList<>(held());
        postings.add(LedgerPosting.holdRelease(id, "FR", AMOUNT, AT));
        return postings;
    }

    private List<String> check(PaymentStatus status, List<LedgerPosting> postings) {
        return LedgerInvariant.violations(List.of(new PaymentFacts(id, status, AMOUNT, "FR")), lines(postings), FR);
    }

    private static List<Line> lines(List<LedgerPosting> postings) {
        List<Line> lines = new ArrayList<>();
        postings.forEach(p -> lines.addAll(LedgerInvariant.linesOf(UUID.randomUUID(), p)));
        return lines;
    }

    private static List<LedgerPosting> without(List<LedgerPosting> postings, PostingKind kind) {
        return postings.stream().filter(p -> p.kind() != kind).toList();
    }

    @Test
    void shouldAcceptEveryOutcomeBookedAsSettlementBooksIt() {
        assertThat(check(PaymentStatus.PENDING, List.of())).isEmpty();
        assertThat(check(PaymentStatus.REJECTED, List.of())).isEmpty();
        assertThat(check(PaymentStatus.FAILED, List.of())).isEmpty();
        assertThat(check(PaymentStatus.AWAITING_PAYEE, held())).isEmpty();
        assertThat(check(PaymentStatus.COMPLETED, completed())).isEmpty();
        assertThat(check(PaymentStatus.REFUNDED, refunded())).isEmpty();
        assertThat(check(PaymentStatus.FAILED, reversedAfterPayoutFailure())).isEmpty();
        for (PaymentStatus status : List.of(PaymentStatus.EXPIRED, PaymentStatus.CANCELLED, PaymentStatus.DECLINED,
                PaymentStatus.FAILED)) {
            assertThat(check(status, voided())).isEmpty();
        }
    }

    @Test
    void shouldReportMoneyCapturedButNeitherPaidOutRefundedNorReversed() {
        assertThat(check(PaymentStatus.FAILED, captured()))
                .anyMatch(v -> v.contains("captured 2000 != paid out 0 + refunded 0 + reversed 0"));
        assertThat(check(PaymentStatus.REFUNDED, without(refunded(), PostingKind.REFUND)))
                .anyMatch(v -> v.contains("captured 2000 != paid out 0"));
    }

    private static List<LedgerPosting> with(List<LedgerPosting> postings, LedgerPosting more) {
        List<LedgerPosting> all = new ArrayList<>(postings);
        all.add(more);
        return all;
    }

    /** Ops settled with the issuer what the network refused: the ADJUSTMENT stands for the reversal or the refund. */
    @Test
    void shouldAcceptAnAdjustmentInPlaceOfTheReversalOrRefundTheNetworkRefused() {
        LedgerPosting adjustment = LedgerPosting.adjustment(id, "FR", AMOUNT, AT);

        assertThat(check(PaymentStatus.FAILED, with(captured(), adjustment))).isEmpty();
        assertThat(check(PaymentStatus.REFUNDED, with(without(refunded(), PostingKind.REFUND), adjustment)))
                .isEmpty();
    }

    @Test
    void shouldReportAnAdjustmentThatGivesTheMoneyBackTwiceOrForNothing() {
        LedgerPosting adjustment = LedgerPosting.adjustment(id, "FR", AMOUNT, AT);

        assertThat(check(PaymentStatus.FAILED, with(reversedAfterPayoutFailure(), adjustment)))
                .anyMatch(v -> v.contains("captured 2000 != paid out 0 + refunded 0 + reversed 4000"));
        assertThat(check(PaymentStatus.REFUNDED, with(refunded(), adjustment)))
                .anyMatch(v -> v.contains("refunded 4000, expected 2000"));
        assertThat(check(PaymentStatus.COMPLETED, with(completed(), adjustment)))
                .anyMatch(v -> v.contains("captured 2000 != paid out 2000 + refunded 0 + reversed 2000"));
    }

    @Test
    void shouldReportALedgerThatDoesNotBalance() {
        List<Line> lines = new ArrayList<>(lines(completed()));
        Line payout = lines.stream().filter(l -> l.kind() == PostingKind.PAYOUT && l.side() == Side.CREDIT)
                .findFirst().orElseThrow();
        lines.remove(payout);
        lines.add(new Line(payout.postingId(), id, PostingKind.PAYOUT, payout.account(), Side.CREDIT,
                Money.of(1999, "EUR")));

        List<String> violations = LedgerInvariant.violations(
                List.of(new PaymentFacts(id, PaymentStatus.COMPLETED, AMOUNT, "FR")), lines, FR);

        assertThat(violations).anyMatch(v -> v.startsWith("the ledger does not balance in EUR"));
        assertThat(violations).anyMatch(v -> v.startsWith("posting " + payout.postingId() + " does not balance"));
    }

    @Test
    void shouldRequireTheCommissionOncePerCompletedPaymentAndItsReversalOnRefund() {
        assertThat(check(PaymentStatus.COMPLETED, without(completed(), PostingKind.COMMISSION)))
                .anyMatch(v -> v.contains("commissions booked 0, expected 1"));
        List<LedgerPosting> twice = new ArrayList<>(completed());
        twice.add(LedgerPosting.commission(id, "FR", COMMISSION, AT));
        assertThat(check(PaymentStatus.COMPLETED, twice))
                .anyMatch(v -> v.contains("2 postings of COMMISSION"))
                .anyMatch(v -> v.contains("commissions booked 2, expected 1"));
        assertThat(check(PaymentStatus.REFUNDED, without(refunded(), PostingKind.COMMISSION_REVERSAL)))
                .anyMatch(v -> v.contains("commissions reversed 0, expected 1"));
        List<LedgerPosting> failedWithCommission = new ArrayList<>(reversedAfterPayoutFailure());
        failedWithCommission.add(LedgerPosting.commission(id, "FR", COMMISSION, AT));
        assertThat(check(PaymentStatus.FAILED, failedWithCommission))
                .anyMatch(v -> v.contains("commissions booked 1, expected 0"));
    }

    @Test
    void shouldExpectNoCommissionWhereNoneIsConfigured() {
        List<String> violations = LedgerInvariant.violations(
                List.of(new PaymentFacts(id, PaymentStatus.COMPLETED, AMOUNT, "FR")),
                lines(without(completed(), PostingKind.COMMISSION)), new CommissionSchedule(Map.of()));

        assertThat(violations).isEmpty();
    }

    @Test
    void shouldMatchTheMoneyToThePaymentsState() {
        assertThat(check(PaymentStatus.EXPIRED, held()))
                .anyMatch(v -> v.contains("2000 still held on the payer's card, expected 0"));
        assertThat(check(PaymentStatus.AWAITING_PAYEE, voided()))
                .anyMatch(v -> v.contains("0 still held on the payer's card, expected 2000"));
        assertThat(check(PaymentStatus.COMPLETED, reversedAfterPayoutFailure()))
                .anyMatch(v -> v.contains("paid out 0, expected 2000"));
        assertThat(check(PaymentStatus.CANCELLED, completed()))
                .anyMatch(v -> v.contains("paid out 2000, expected 0"));
    }

    @Test
    void shouldReportLinesOfUnknownPayments() {
        List<String> violations = LedgerInvariant.violations(List.of(), lines(held()), FR);

        assertThat(violations).containsExactly("ledger lines for unknown payment " + id);
    }
}
