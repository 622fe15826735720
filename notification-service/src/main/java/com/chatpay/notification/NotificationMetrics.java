package com.chatpay.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code chatpay_notifications_total{channel,outcome}}: what happened to each notification this service handled.
 * Tags stay low-cardinality: never a user id, a phone number or a payment id.
 */
@ApplicationScoped
public class NotificationMetrics {

    /** Delivery channels. */
    public enum Channel {
        SMS("sms"), IN_APP("in_app");

        private final String tag;

        Channel(String tag) {
            this.tag = tag;
        }
    }

    /** Outcomes: handed over or stored ({@code sent}), refused by the provider ({@code failed}), already done
     * ({@code duplicate}), not worth sending any more ({@code expired}). */
    public enum Outcome {
        SENT("sent"), FAILED("failed"), DUPLICATE("duplicate"), EXPIRED("expired");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Channel channel, Outcome outcome) {
        // Micrometer's Prometheus registry adds the _total suffix of counters
        registry.counter("chatpay.notifications", "channel", channel.tag, "outcome", outcome.tag).increment();
    }
}
