package com.chatpay.payment.settlement;

import static com.chatpay.payment.ledger.PostingKind.ADJUSTMENT;
import static com.chatpay.payment.ledger.PostingKind.CAPTURE;
import static com.chatpay.payment.ledger.PostingKind.COMMISSION;
import static com.chatpay.payment.ledger.PostingKind.HOLD;
import static com.chatpay.payment.ledger.PostingKind.HOLD_RELEASE;
import static com.chatpay.payment.ledger.PostingKind.PAYOUT;
import static com.chatpay.payment.ledger.PostingKind.PAYOUT_REVERSAL;
import static com.chatpay.payment.ledger.PostingKind.REFUND;
import static com.chatpay.payment.ledger.PostingKind.REVERSAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which refused step ops may settle, read from a payment's state and the kinds of posting it booked. */
class OpenReconciliationTest {

    @Test
    void shouldOpenTheReversalOfAFailedPaymentWhoseCaptureStands() {
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.FAILED, Set.of(HOLD, HOLD_RELEASE, CAPTURE)))
                .contains(ReconciliationStep.REVERSE);
    }

    @Test
    void shouldOpenTheRefundOfACompletedPaymentWhosePayoutWasTakenBack() {
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.COMPLETED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, PAYOUT, COMMISSION, PAYOUT_REVERSAL)))
                .contains(ReconciliationStep.REFUND);
    }

    @Test
    void shouldOpenNothingForMoneyWhereItsStateSaysOrAlreadySettled() {
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.FAILED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, REVERSAL))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.FAILED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, ADJUSTMENT))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.FAILED, Set.of(HOLD, HOLD_RELEASE))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.COMPLETED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, PAYOUT, COMMISSION))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.COMPLETED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, PAYOUT, COMMISSION, PAYOUT_REVERSAL, ADJUSTMENT))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.REFUNDED,
                Set.of(HOLD, HOLD_RELEASE, CAPTURE, PAYOUT, COMMISSION, PAYOUT_REVERSAL, REFUND))).isEmpty();
        assertThat(PaymentSettlement.openReconciliation(PaymentStatus.PENDING, Set.of(HOLD, HOLD_RELEASE, CAPTURE)))
                .as("a capture whose payout is under way is not refused yet").isEmpty();
    }
}
