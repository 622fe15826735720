package com.chatpay.notification.bubble;

import com.chatpay.notification.delivery.Delivery;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliverySender;
import com.chatpay.notification.delivery.SendOutcome;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

/**
 * POSTs conversation bubbles to the messaging platform's webhook, signed ({@link WebhookSigner}). A 2xx answer is
 * success; anything else (other status, timeout, connection refused) is retried by the delivery worker with backoff,
 * since the platform may be down or misconfigured for a while. Every attempt carries a fresh timestamp and signature
 * and the same {@code Chatpay-Delivery-Id}. The configuration is checked at start-up: a URL without a usable secret
 * stops the service rather than failing every bubble later.
 */
@Startup
@ApplicationScoped
public class WebhookSender implements DeliverySender {

    private final WebhookConfig config;
    private final Clock clock;
    private final WebhookSigner signer;
    private final HttpClient client;

    public WebhookSender(WebhookConfig config, Vertx vertx, Clock clock) {
        this.config = config;
        this.clock = clock;
        if (BubbleService.isConfigured(config)) {
            URI url = URI.create(config.url().orElseThrow());
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalStateException("chatpay.webhook.url (WEBHOOK_URL) must be an http(s) URL");
            }
            this.signer = new WebhookSigner(decodeSecret(config));
            int timeout = (int) config.timeout().toMillis();
            this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                    .setMaxPoolSize(8));
        } else {
            this.signer = null;
            this.client = null;
        }
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public Uni<SendOutcome> send(Delivery delivery) {
        if (client == null) {
            return Uni.createFrom().item(new SendOutcome.Skip(BubbleService.NOT_CONFIGURED));
        }
        String body = delivery.payload();
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(config.url().orElseThrow())
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "chatpay-notification")
                .putHeader(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSigner.SIGNATURE_HEADER, signer.signature(timestamp, body))
                .putHeader(WebhookSigner.DELIVERY_ID_HEADER, delivery.id().toString());
        return client.request(request)
                .chain(outgoing -> outgoing.send(body))
                // read the (ignored) body so the connection goes back to the pool
                .chain(response -> response.body().map(ignored -> response.statusCode()))
                .ifNoItem().after(config.timeout()).failWith(TimeoutException::new)
                .<SendOutcome>map(status -> status >= 200 && status < 300
                        ? new SendOutcome.Sent(false)
                        : new SendOutcome.Retry("webhook answered HTTP " + status))
                .onFailure().recoverWithItem(e -> new SendOutcome.Retry(e instanceof TimeoutException
                        ? "webhook did not answer within " + config.timeout()
                        : "webhook unreachable: " + e.getClass().getSimpleName()));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close().subscribe().with(done -> { }, failure -> { });
        }
    }

    private static byte[] decodeSecret(WebhookConfig config) {
        String secret = config.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "chatpay.webhook.secret (WEBHOOK_SECRET) is required when a webhook URL is set"));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("chatpay.webhook.secret (WEBHOOK_SECRET) is not base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("chatpay.webhook.secret (WEBHOOK_SECRET) must decode to at least 32 bytes");
        }
        return key;
    }
}
