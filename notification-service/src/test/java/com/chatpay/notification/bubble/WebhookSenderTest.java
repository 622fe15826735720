package com.chatpay.notification.bubble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.notification.delivery.Delivery;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliveryStatus;
import com.chatpay.notification.delivery.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook's configuration rules, without a server: not configured means skipped, a bad secret stops start-up. */
class WebhookSenderTest {

    @Test
    void shouldSkipBubblesWhenNoUrlIsConfigured() {
        for (Optional<String> url : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            WebhookSender sender = new WebhookSender(config(url, Optional.empty()), null, Clock.systemUTC());

            SendOutcome outcome = sender.send(delivery()).await().atMost(Duration.ofSeconds(1));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Skip.class,
                    skip -> assertThat(skip.reason()).contains("not configured"));
        }
    }

    @Test
    void shouldRefuseToStartWithAUrlButNoUsableSecret() {
        Optional<String> url = Optional.of("http://127.0.0.1:1/hooks");
        assertThatThrownBy(() -> new WebhookSender(config(url, Optional.empty()), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WEBHOOK_SECRET");
        assertThatThrownBy(() -> new WebhookSender(config(url, Optional.of("not base64!")), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> new WebhookSender(config(url, Optional.of("c2hvcnQ=")), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new WebhookSender(config(Optional.of("ftp://example.org/x"),
                Optional.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("http");
    }

    private static WebhookConfig config(Optional<String> url, Optional<String> secret) {
        return new WebhookConfig() {
            @Override
            public Optional<String> url() {
                return url;
            }

            @Override
            public Optional<String> secret() {
                return secret;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
    }

    private static Delivery delivery() {
        Instant now = Instant.now();
        return new Delivery(UUID.randomUUID(), DeliveryChannel.WEBHOOK, "bubble:x:COMPLETED", "alice",
                UUID.randomUUID(), "{}", DeliveryStatus.PENDING, 1, now, null, now, now, now, null);
    }
}
