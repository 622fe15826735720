package com.chatpay.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messaging platform's webhook, for tests: a local HTTP server on a free port that records every request and
 * answers 204, or a scripted failure for a payment ({@link #failFirst}, {@link #failAlways}). Points
 * {@code chatpay.webhook.url} at itself and sets a secret generated for this test JVM.
 */
public class TestWebhook implements QuarkusTestResourceLifecycleManager {

    /** The webhook secret (base64 of 32 random bytes) of this test JVM. */
    public static final String SECRET;

    private static final Pattern PAYMENT_ID = Pattern.compile("\"paymentId\":\"([^\"]+)\"");
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> FAILURES_LEFT = new HashMap<>();
    private static final Set<String> ALWAYS_FAILING = new HashSet<>();
    private static HttpServer server;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SECRET = Base64.getEncoder().encodeToString(key);
    }

    /** One request the webhook received, and the status it answered. */
    public record Received(String timestamp, String signature, String deliveryId, String contentType, String body,
            int answered, Instant at) {
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", TestWebhook::handle);
        server.start();
        return Map.of("chatpay.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks",
                "chatpay.webhook.secret", SECRET);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The bubbles of {@code paymentId} received so far, oldest first. */
    public static List<Received> received(Object paymentId) {
        return RECEIVED.stream().filter(r -> r.body().contains("\"paymentId\":\"" + paymentId + "\"")).toList();
    }

    /** Answers 500 to the first {@code times} requests about {@code paymentId}. */
    public static synchronized void failFirst(Object paymentId, int times) {
        FAILURES_LEFT.put(paymentId.toString(), times);
    }

    /** Answers 503 to every request about {@code paymentId} until {@link #recover}. */
    public static synchronized void failAlways(Object paymentId) {
        ALWAYS_FAILING.add(paymentId.toString());
    }

    public static synchronized void recover(Object paymentId) {
        ALWAYS_FAILING.remove(paymentId.toString());
        FAILURES_LEFT.remove(paymentId.toString());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher matcher = PAYMENT_ID.matcher(body);
        int status = answerFor(matcher.find() ? matcher.group(1) : "");
        RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Chatpay-Timestamp"),
                exchange.getRequestHeaders().getFirst("Chatpay-Signature"),
                exchange.getRequestHeaders().getFirst("Chatpay-Delivery-Id"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, status, Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static synchronized int answerFor(String paymentId) {
        if (ALWAYS_FAILING.contains(paymentId)) {
            return 503;
        }
        Integer left = FAILURES_LEFT.get(paymentId);
        if (left != null && left > 0) {
            FAILURES_LEFT.put(paymentId, left - 1);
            return 500;
        }
        return 204;
    }
}
