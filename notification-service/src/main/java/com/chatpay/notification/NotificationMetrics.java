package com.chatpay.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics. Tags stay low-cardinality: never a user id, a phone number, a token or a payment id.
 * <ul>
 *   <li>{@code chatpay_notifications_total{channel,outcome}}: what happened to each notification or delivery
 *       attempt;</li>
 *   <li>{@code chatpay_notification_delivery_seconds{channel}}: from the event that caused a delivery to the moment
 *       it was sent;</li>
 *   <li>{@code chatpay_notification_backlog{channel}}: deliveries PENDING and due, as the delivery worker last
 *       counted them.</li>
 * </ul>
 */
@ApplicationScoped
public class NotificationMetrics {

    /** Delivery channels. */
    public enum Channel {
        SMS("sms"), IN_APP("in_app"), PUSH("push"), WEBHOOK("webhook");

        private final String tag;

        Channel(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /**
     * Outcomes: handed over or stored ({@code sent}); an attempt failed and will be retried ({@code retried}); given
     * up after the maximum attempts or refused for good ({@code failed}); already done ({@code duplicate}); not
     * worth sending any more ({@code expired}); nowhere to send it ({@code skipped}); muted by the user's
     * preferences ({@code muted}).
     */
    public enum Outcome {
        SENT("sent"), RETRIED("retried"), FAILED("failed"), DUPLICATE("duplicate"), EXPIRED("expired"),
        SKIPPED("skipped"), MUTED("muted");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;
    private final Map<Channel, AtomicLong> backlog = new EnumMap<>(Channel.class);

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : new Channel[] {Channel.SMS, Channel.PUSH, Channel.WEBHOOK}) {
            AtomicLong due = new AtomicLong();
            backlog.put(channel, due);
            Gauge.builder("chatpay.notification.backlog", due, AtomicLong::get)
                    .description("Deliveries pending and due, as the delivery worker last counted them")
                    .tag("channel", channel.tag)
                    .register(registry);
        }
    }

    public void count(Channel channel, Outcome outcome) {
        // Micrometer's Prometheus registry adds the _total suffix of counters
        registry.counter("chatpay.notifications", "channel", channel.tag, "outcome", outcome.tag).increment();
    }

    /** Records how long a delivery took from its event to being sent. */
    public void delivered(Channel channel, Duration sinceEvent) {
        Timer.builder("chatpay.notification.delivery")
                .description("From the event that caused a delivery to the moment it was sent")
                .tag("channel", channel.tag)
                .register(registry)
                .record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    /** Sets the number of due, pending deliveries of each channel (channels absent from the map have none). */
    public void backlog(Map<Channel, Long> due) {
        backlog.forEach((channel, gauge) -> gauge.set(due.getOrDefault(channel, 0L)));
    }
}
