package com.chatpay.harness.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messaging platform's webhook, as notification-service posts conversation bubbles to it: remembers each bubble
 * (payment and state) with the delivery ids it came with. Webhooks are at least once: a bubble may come twice after
 * a crash, but only as a re-delivery of the same delivery id, which the platform drops.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Set<String>> deliveryIdsByBubble = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/bubbles", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                JsonNode bubble = JSON.readTree(exchange.getRequestBody());
                String key = "bubble:" + bubble.path("paymentId").asText() + ":" + bubble.path("status").asText();
                String deliveryId = exchange.getRequestHeaders().getFirst("Chatpay-Delivery-Id");
                deliveryIdsByBubble.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                        .add(deliveryId == null ? "none" : deliveryId);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    /** The URL to configure as notification-service's {@code WEBHOOK_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bubbles";
    }

    /** Whether the bubble with this delivery key ({@code bubble:<paymentId>:<status>}) arrived. */
    public boolean received(String key) {
        return deliveryIdsByBubble.containsKey(key);
    }

    /** Bubbles that arrived under more than one delivery id: a doubled bubble the platform would show twice. */
    public List<String> conflictingDuplicates() {
        return deliveryIdsByBubble.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .sorted().toList();
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
