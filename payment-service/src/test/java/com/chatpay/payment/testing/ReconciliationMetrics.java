package com.chatpay.payment.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Reads payment-service's reconciliation metrics: the refusals counted, and what the ledger still has open. */
public final class ReconciliationMetrics {

    private ReconciliationMetrics() {
    }

    /** {@code chatpay_payment_reconciliation_needed_total{step}}: refusals counted so far (0 if none yet). */
    public static double needed(MeterRegistry registry, String step) {
        Counter counter = registry.find("chatpay_payment_reconciliation_needed_total").tags("step", step).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Waits until {@code chatpay_payment_reconciliation_open{step}} reads {@code expected}: the watch refreshes it every
     * {@code reconciliation-check-interval} (1 s in tests).
     */
    public static void awaitOpen(MeterRegistry registry, String step, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Gauge gauge = registry.find("chatpay_payment_reconciliation_open").tags("step", step).gauge();
                    org.assertj.core.api.Assertions.assertThat(gauge).as("the gauge of %s", step).isNotNull();
                    org.assertj.core.api.Assertions.assertThat(gauge.value()).as("open %s reconciliations", step)
                            .isEqualTo(expected);
                });
    }
}
