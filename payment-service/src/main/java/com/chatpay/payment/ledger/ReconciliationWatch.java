package com.chatpay.payment.ledger;

import com.chatpay.payment.payment.PaymentMetrics;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps {@code chatpay_payment_reconciliation_open{step}} to what the ledger says, so that the alert on it
 * (ChatpayPaymentNeedsReconciliation) fires while a payment's money stands where no payment state says it should and
 * clears only once someone has booked its settlement with the issuer ({@code ReconciliationResource}): not an hour
 * after the refusal, nor when the service restarts (the count is the ledger's, not this process's memory). The
 * refusal itself is counted (and logged with the payment id) when it happens; this counts what is still open, every
 * {@code reconciliation-check-interval}, from two queries that partial indexes keep small.
 */
@ApplicationScoped
public class ReconciliationWatch {

    private static final Logger LOG = Logger.getLogger(ReconciliationWatch.class);

    private final LedgerRepository ledger;
    private final PaymentMetrics metrics;
    private volatile long lastOpen;

    public ReconciliationWatch(LedgerRepository ledger, PaymentMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Scheduled(every = "${chatpay.payments.reconciliation-check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutdown began: the run would fail on the closing connection pool
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> check() {
        return Panache.withSession(() -> ledger.capturedAndFailed().chain(captured -> ledger.takenBackAndNotRefunded()
                .invoke(takenBack -> open(captured, takenBack)))).replaceWithVoid();
    }

    private void open(long captured, long takenBack) {
        metrics.reconciliationsOpen(ReconciliationStep.REVERSE, captured);
        metrics.reconciliationsOpen(ReconciliationStep.REFUND, takenBack);
        long open = captured + takenBack;
        if (open != lastOpen) {
            // said when it changes, not every minute
            LOG.warnf("%d payment(s) wait for a person to reconcile them with the issuer: %d captured and not paid"
                    + " out, %d taken back from the payee and not refunded (GET /v1/ops/ledger/audit lists them; once"
                    + " settled with the issuer, POST /v1/ops/payments/<id>/reconciliation books each)",
                    open, captured, takenBack);
            lastOpen = open;
        }
    }
}
