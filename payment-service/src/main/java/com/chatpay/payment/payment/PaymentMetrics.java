package com.chatpay.payment.payment;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Payment counters: {@code chatpay_payments_total{outcome,reason}} and {@code chatpay_card_network_calls_total{operation,outcome}}. */
@ApplicationScoped
public class PaymentMetrics {

    private final MeterRegistry registry;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A payment entered {@code status} (outcome), with its stable reason code or {@code none}. */
    public void payment(PaymentStatus status, String reason) {
        registry.counter("chatpay_payments_total", "outcome", status.name().toLowerCase(),
                "reason", reason == null ? "none" : reason).increment();
    }

    /** One card-network call: operation (authorize, capture, push, void, reverse) and outcome. */
    public void cardNetworkCall(String operation, String outcome) {
        registry.counter("chatpay_card_network_calls_total", "operation", operation, "outcome", outcome).increment();
    }
}
