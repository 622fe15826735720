package com.chatpay.onboarding.onboarding;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's business counters; tags are low-cardinality enums, never user ids. */
@ApplicationScoped
public class OnboardingMetrics {

    private final MeterRegistry registry;

    public OnboardingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code step}: profile, card, card_removal, pin, sms_verification, device, device_removal, rollout;
     * {@code outcome}: completed, invalid, refused, declined, pin_invalid (device), not_available / admitted (rollout).
     */
    public void step(String step, String outcome) {
        registry.counter("chatpay_onboarding_steps_total", "step", step, "outcome", outcome).increment();
    }

    /** {@code outcome}: sent, rate_limited, verified, invalid, expired, exhausted. */
    public void smsCode(String outcome) {
        registry.counter("chatpay_sms_codes_total", "outcome", outcome).increment();
    }

    /** {@code outcome}: ok, invalid, locked. */
    public void pinCheck(String outcome) {
        registry.counter("chatpay_pin_checks_total", "outcome", outcome).increment();
    }

    /**
     * {@code method}: PIN, WEBAUTHN; {@code outcome}: issued, pin_invalid, assertion_invalid, locked, payer_not_active,
     * rejected.
     */
    public void authorization(String method, String outcome) {
        registry.counter("chatpay_authorizations_total", "method", method, "outcome", outcome).increment();
    }
}
