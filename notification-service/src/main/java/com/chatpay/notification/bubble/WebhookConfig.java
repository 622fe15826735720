package com.chatpay.notification.bubble;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The messaging platform's webhook, which receives the conversation bubbles. */
@ConfigMapping(prefix = "chatpay.webhook")
public interface WebhookConfig {

    /** The URL bubbles are POSTed to ({@code WEBHOOK_URL}); empty: bubbles are recorded SKIPPED and nothing is sent. */
    Optional<String> url();

    /** The HMAC-SHA256 key, base64 of at least 32 bytes ({@code WEBHOOK_SECRET}); required when a URL is set. */
    Optional<String> secret();

    /** How long one POST may take, connection included, before the attempt counts as failed. */
    @WithDefault("5s")
    Duration timeout();
}
