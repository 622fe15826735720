package com.chatpay.notification.bubble;

import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliveryRepository;
import com.chatpay.notification.delivery.DeliveryStatus;
import com.chatpay.notification.delivery.NewDelivery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Queues the conversation bubble of a payment event, in the consuming transaction: one delivery per (payment,
 * state), whatever the number of events saying so. The body is written once, here, so every attempt sends (and
 * signs) the same bytes. Without a configured webhook the delivery is recorded SKIPPED and nothing is sent.
 */
@ApplicationScoped
public class BubbleService {

    static final String NOT_CONFIGURED = "webhook not configured (WEBHOOK_URL is empty)";

    private final DeliveryRepository deliveries;
    private final WebhookConfig config;
    private final NotificationMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;

    public BubbleService(DeliveryRepository deliveries, WebhookConfig config, NotificationMetrics metrics,
            ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Void> post(SqlConnection connection, PaymentEvent event, Instant eventTime) {
        Instant now = clock.instant();
        Optional<Bubble> bubble = Bubbles.of(event, eventTime == null ? now : eventTime);
        if (bubble.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        boolean configured = isConfigured(config);
        NewDelivery delivery = new NewDelivery(DeliveryChannel.WEBHOOK, dedupKey(bubble.get()), event.payerId(),
                event.paymentId(), write(bubble.get()), configured ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED,
                configured ? null : NOT_CONFIGURED, eventTime == null ? now : eventTime);
        return deliveries.enqueue(connection, delivery, now).invoke(created -> {
            if (!created) {
                metrics.count(Channel.WEBHOOK, Outcome.DUPLICATE);
            } else if (!configured) {
                metrics.count(Channel.WEBHOOK, Outcome.SKIPPED);
            }
        }).replaceWithVoid();
    }

    /** One bubble per payment and state. */
    static String dedupKey(Bubble bubble) {
        return "bubble:" + bubble.paymentId() + ":" + bubble.status();
    }

    static boolean isConfigured(WebhookConfig config) {
        return config.url().filter(url -> !url.isBlank()).isPresent();
    }

    private String write(Bubble bubble) {
        try {
            return json.writeValueAsString(bubble);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a bubble", e);
        }
    }
}
