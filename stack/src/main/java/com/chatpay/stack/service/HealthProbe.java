package com.chatpay.stack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's SmallRye Health readiness endpoint, {@code GET /q/health/ready}. */
public final class HealthProbe {

    /** What the endpoint said. */
    public enum Health {
        /** 200 with {@code "status": "UP"}. */
        UP,
        /** It answered, but not UP (503 while a database or Kafka check fails). */
        DOWN,
        /** Nothing answered. */
        UNREACHABLE
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public static URI readinessUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    }

    public Health ready(int port) {
        HttpRequest request = HttpRequest.newBuilder(readinessUri(port))
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Health.DOWN;
            }
            JsonNode status = JSON.readTree(response.body()).path("status");
            return "UP".equals(status.asText()) ? Health.UP : Health.DOWN;
        } catch (IOException e) {
            return Health.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }
}
