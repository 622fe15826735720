package com.chatpay.payment.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payment metrics: {@code chatpay_payments_total{outcome,reason}}, {@code chatpay_payment_duration_seconds{outcome}}
 * (histogram, from the request to the payment's outcome), {@code chatpay_card_network_calls_total{operation,outcome}},
 * {@code chatpay_payment_reconciliation_needed_total{step}} (each refusal),
 * {@code chatpay_payment_reconciliation_open{step}} (the payments still waiting for a person, from the ledger) and
 * {@code chatpay_settlement_takeovers_total} (settlements whose claim lapsed before they could record). Created at
 * start-up, so the counters the alerts watch with {@code increase()} are scraped at 0 before their first event (an
 * application-scoped bean is otherwise created at its first use, which could be the event itself: a counter first
 * scraped at 1 has no increase to show).
 */
@Startup
@ApplicationScoped
public class PaymentMetrics {

    /** The states that end a payment's processing (a COMPLETED one may still be refunded later, by someone). */
    private static final Set<PaymentStatus> OUTCOMES = EnumSet.of(PaymentStatus.COMPLETED, PaymentStatus.REJECTED,
            PaymentStatus.FAILED, PaymentStatus.EXPIRED, PaymentStatus.CANCELLED, PaymentStatus.DECLINED);

    /**
     * A step whose refusal by the network leaves money standing: {@code REVERSE}, the payer's capture after a failed
     * payout; {@code REFUND}, the payer's refund after the payout was taken back from the payee.
     */
    public enum ReconciliationStep { REVERSE, REFUND }

    private final MeterRegistry registry;
    private final Map<ReconciliationStep, AtomicLong> openReconciliations = new EnumMap<>(ReconciliationStep.class);

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        takeovers();
        for (ReconciliationStep step : ReconciliationStep.values()) {
            // at 0 from the start: a counter first scraped at 1 has no increase() to show
            reconciliations(step);
            AtomicLong open = new AtomicLong();
            openReconciliations.put(step, open);
            Gauge.builder("chatpay_payment_reconciliation_open", open, AtomicLong::doubleValue)
                    .description("Payments whose money the card network refused to give back, not reconciled yet")
                    .tag("step", step.name().toLowerCase()).register(registry);
        }
    }

    /** A payment entered {@code status} (outcome), with its stable reason code or {@code none}. */
    public void payment(PaymentStatus status, String reason) {
        registry.counter("chatpay_payments_total", "outcome", status.name().toLowerCase(),
                "reason", reason == null ? "none" : reason).increment();
    }

    /** A payment moved: counted, and if this ends its processing, the time since its request is recorded. */
    public void transitioned(Payment payment) {
        payment(payment.status(), payment.reason());
        if (OUTCOMES.contains(payment.status())) {
            Timer.builder("chatpay_payment_duration")
                    .description("From the payment request to its outcome")
                    .tag("outcome", payment.status().name().toLowerCase())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofDays(8))
                    .register(registry)
                    .record(Duration.between(payment.createdAt(), payment.updatedAt()));
        }
    }

    /** A card-network call: operation (authorize, capture, push, void, reverse, reverse_payout, refund), outcome. */
    public void cardNetworkCall(String operation, String outcome) {
        registry.counter("chatpay_card_network_calls_total", "operation", operation, "outcome", outcome).increment();
    }

    /**
     * The network refused to give money back at {@code step}: the payment's money stands where no payment state says
     * it should, and only a person can settle it with the issuer. The alert is on what stays open
     * ({@link #reconciliationsOpen}, from the ledger), not on this count.
     */
    public void reconciliationNeeded(ReconciliationStep step) {
        reconciliations(step).increment();
    }

    /** What the ledger says now: {@code count} payments wait for a person to reconcile their {@code step}. */
    public void reconciliationsOpen(ReconciliationStep step, long count) {
        openReconciliations.get(step).set(count);
    }

    private Counter reconciliations(ReconciliationStep step) {
        return Counter.builder("chatpay_payment_reconciliation_needed_total")
                .description("Money the card network refused to give back, left for a person to reconcile")
                .tag("step", step.name().toLowerCase()).register(registry);
    }

    /**
     * A settlement's claim lapsed before it could record its outcome, and another run took the step over (the process
     * stalled, or the network took longer than {@code settlement-lease}): the network was asked twice.
     */
    public void settlementTakenOver() {
        takeovers().increment();
    }

    private Counter takeovers() {
        return Counter.builder("chatpay_settlement_takeovers_total")
                .description("Settlements whose claim lapsed before they recorded, taken over by another run")
                .register(registry);
    }

    /** A payment's card-network step could not run (network unavailable) and waits to be retried. */
    public void networkDeferred() {
        registry.counter("chatpay_payment_network_deferrals_total").increment();
    }
}
