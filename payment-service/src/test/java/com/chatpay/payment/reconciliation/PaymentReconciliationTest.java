package com.chatpay.payment.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.reconciliation.PaymentReconciliation.Status;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Four eyes on a manual ledger entry, in the domain object itself: whoever proposed it cannot approve it. */
class PaymentReconciliationTest {

    private static final Instant PROPOSED = Instant.parse("2026-11-28T09:00:00Z");

    private static PaymentReconciliation proposedByAnna() {
        return PaymentReconciliation.proposed(UUID.randomUUID(), ReconciliationStep.REVERSE, "CASE-1", "credited",
                "anna", PROPOSED);
    }

    @Test
    void shouldWaitForASecondOperatorAndRecordBoth() {
        PaymentReconciliation r = proposedByAnna();
        assertThat(r.status()).isEqualTo(Status.PENDING_APPROVAL);
        assertThat(r.reconciledBy()).isNull();

        r.approve("berta", PROPOSED.plusSeconds(60));

        assertThat(r.status()).isEqualTo(Status.RECONCILED);
        assertThat(r.requestedBy()).isEqualTo("anna");
        assertThat(r.reconciledBy()).isEqualTo("berta");
        assertThat(r.reconciledAt()).isEqualTo(PROPOSED.plusSeconds(60));
    }

    @Test
    void shouldNeverLetItsAuthorApproveIt() {
        PaymentReconciliation r = proposedByAnna();

        assertThat(r.approvableBy("anna")).isFalse();
        assertThatThrownBy(() -> r.approve("anna", PROPOSED)).isInstanceOf(IllegalStateException.class);
        assertThat(r.status()).isEqualTo(Status.PENDING_APPROVAL);
    }

    @Test
    void shouldBeApprovedOnceOnly() {
        PaymentReconciliation r = proposedByAnna();
        r.approve("berta", PROPOSED);

        assertThat(r.approvableBy("clara")).isFalse();
        assertThatThrownBy(() -> r.approve("clara", PROPOSED)).isInstanceOf(IllegalStateException.class);
        assertThat(r.reconciledBy()).isEqualTo("berta");
    }
}
