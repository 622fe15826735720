package com.chatpay.harness.api;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public HTTP API of DESIGN.md §4 as the messaging platform's gateway calls it: every request carries a gateway
 * JWT for the person acting. Blocking calls for arranging a scenario, asynchronous ones for generating load.
 */
public final class ChatpayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SMS_CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final java.util.Queue<Person> people = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public ChatpayApi(LocalStack stack) {
        this(stack, null);
    }

    /** {@code executor} runs the HTTP client's completions (null: the client's own pool). */
    public ChatpayApi(LocalStack stack, Executor executor) {
        this.stack = stack;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
    }

    public LocalStack stack() {
        return stack;
    }

    /** The gateway token of a user (cached: minting signs with RSA). */
    public String token(String userId) {
        return tokens.computeIfAbsent(userId, id -> stack.token(id, false));
    }

    public String opsToken(String userId) {
        return tokens.computeIfAbsent("ops:" + userId, id -> stack.token(userId, true));
    }

    /** An HTTP answer: status, headers and the body parsed as JSON (a missing node when it is not JSON). */
    public record Reply(int status, Map<String, List<String>> headers, String text, JsonNode json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public String field(String name) {
            JsonNode node = json.path(name);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        /** Fails (with the body) unless the status is one of {@code expected}. */
        public Reply expect(int... expected) {
            for (int e : expected) {
                if (status == e) {
                    return this;
                }
            }
            throw new UnexpectedReply(this, java.util.Arrays.toString(expected));
        }
    }

    /** A reply with a status the caller did not expect. */
    public static final class UnexpectedReply extends RuntimeException {
        private final transient Reply reply;

        UnexpectedReply(Reply reply, String expected) {
            super("HTTP " + reply.status() + " (expected " + expected + "): " + abbreviate(reply.text()));
            this.reply = reply;
        }

        public Reply reply() {
            return reply;
        }
    }

    /** A request being built: service, method, path, token, headers, body. */
    public final class Call {
        private final ChatpayService service;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration timeout = REQUEST_TIMEOUT;

        Call(ChatpayService service, String method, String path) {
            this.service = service;
            this.method = method;
            this.path = path;
        }

        /** Acts as {@code userId} (a {@code user} gateway token). */
        public Call as(String userId) {
            return bearer(token(userId));
        }

        /** Acts as an operator (an {@code ops} gateway token). */
        public Call asOps() {
            return bearer(opsToken("ops-harness"));
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body (content type application/json). */
        public Call json(Object value) {
            try {
                return raw("application/json", JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        /** A body sent exactly as given, with this content type (null: none). */
        public Call raw(String contentType, String text) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public CompletableFuture<Reply> sendAsync() {
            HttpRequest.Builder request = HttpRequest.newBuilder(stack.serviceUri(service).resolve(path))
                    .timeout(timeout).method(method, body);
            headers.forEach(request::header);
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(ChatpayApi::reply);
        }

        public Reply send() {
            try {
                return sendAsync().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(method + " " + path + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    public Call call(ChatpayService service, String method, String path) {
        return new Call(service, method, path);
    }

    public Call get(ChatpayService service, String path) {
        return call(service, "GET", path);
    }

    public Call post(ChatpayService service, String path) {
        return call(service, "POST", path);
    }

    public Call put(ChatpayService service, String path) {
        return call(service, "PUT", path);
    }

    // ---- people ----------------------------------------------------------------------------------------------

    /** Profile, card, PIN and SMS code: the whole onboarding of {@code person}, who ends ACTIVE. */
    public void onboard(Person person) {
        people.add(person);
        put(ChatpayService.ONBOARDING, "/v1/me/profile").as(person.userId()).json(Map.of(
                        "firstName", person.firstName(),
                        "lastName", "Martin",
                        "address", Map.of("line1", "12 rue de la Paix", "postalCode", "75002", "city", "Paris",
                                "country", "FR"),
                        "phoneNumber", person.phoneNumber()))
                .send().expect(200);
        post(ChatpayService.ONBOARDING, "/v1/me/cards").as(person.userId())
                .json(Map.of("number", person.card(), "expiryMonth", 12, "expiryYear", 2030, "cvc", person.cvc()))
                .send().expect(201);
        put(ChatpayService.ONBOARDING, "/v1/me/pin").as(person.userId()).json(Map.of("pin", person.pin()))
                .send().expect(200);
        verifyPhone(person);
    }

    /** Everyone this client has onboarded (or started to), for a secret scan of what they handed over. */
    public List<Person> people() {
        return List.copyOf(people);
    }

    /** Asks for an SMS code, reads it from the dev SMS outbox and verifies it. */
    public void verifyPhone(Person person) {
        int sentBefore = smsTexts(person.phoneNumber()).size();
        post(ChatpayService.ONBOARDING, "/v1/me/activation/sms").as(person.userId()).send().expect(202);
        String code = awaitSmsCode(person, sentBefore);
        post(ChatpayService.ONBOARDING, "/v1/me/activation/verify").as(person.userId()).json(Map.of("code", code))
                .send().expect(200);
    }

    /** Every SMS text the dev SMS outbox holds for a phone number, oldest first. */
    public List<String> smsTexts(String phoneNumber) {
        Reply reply = get(ChatpayService.NOTIFICATION,
                "/dev/sms?phoneNumber=" + java.net.URLEncoder.encode(phoneNumber, java.nio.charset.StandardCharsets.UTF_8))
                .send().expect(200);
        List<String> texts = new java.util.ArrayList<>();
        reply.json().forEach(sms -> texts.add(sms.path("text").asText()));
        return texts;
    }

    /** Waits (up to 30 s) for an SMS sent after {@code sentBefore} messages and returns its code. */
    public String awaitSmsCode(Person person, int sentBefore) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = smsTexts(person.phoneNumber());
            if (texts.size() > sentBefore) {
                Matcher m = SMS_CODE.matcher(texts.get(texts.size() - 1));
                if (m.find()) {
                    person.codes().add(m.group(1));
                    return m.group(1);
                }
            }
            sleep(Duration.ofMillis(150));
        }
        throw new IllegalStateException("no SMS code reached " + person.userId() + " within 30 s");
    }

    // ---- payments ----------------------------------------------------------------------------------------------

    /** {@code POST /v1/payment-authorizations} with the payer's PIN. */
    public CompletableFuture<Reply> authorizeAsync(Person payer, String payeeId, long cents, String pin) {
        return post(ChatpayService.ONBOARDING, "/v1/payment-authorizations").as(payer.userId())
                .json(Map.of("payeeId", payeeId, "amount", amount(cents), "pin", pin)).sendAsync();
    }

    /** An authorization token for paying {@code cents} to {@code payee} with the right PIN. */
    public String authorize(Person payer, Person payee, long cents) {
        return authorizeAsync(payer, payee.userId(), cents, payer.pin()).join().expect(201)
                .field("authorizationToken");
    }

    /**
     * {@code POST /v1/payments}; with {@code waitSeconds} > 0 it asks the server to answer once the payment left
     * PENDING ({@code Prefer: wait=N}). The body depends only on the arguments (the conversation id derives from the
     * Idempotency-Key), so that a retry is the very same request.
     */
    public CompletableFuture<Reply> payAsync(Person payer, String payeeId, long cents, String authorizationToken,
            String idempotencyKey, int waitSeconds) {
        Call call = post(ChatpayService.PAYMENT, "/v1/payments").as(payer.userId())
                .header("Idempotency-Key", idempotencyKey)
                .json(Map.of("payeeId", payeeId, "conversationId", "conv-" + idempotencyKey,
                        "amount", amount(cents), "message", "thanks", "authorizationToken", authorizationToken));
        if (waitSeconds > 0) {
            call.header("Prefer", "wait=" + waitSeconds).timeout(Duration.ofSeconds(waitSeconds + 20L));
        }
        return call.sendAsync();
    }

    /** Authorizes with the PIN, then pays; the reply of {@code POST /v1/payments}. */
    public Reply pay(Person payer, Person payee, long cents, int waitSeconds) {
        String token = authorize(payer, payee, cents);
        return payAsync(payer, payee.userId(), cents, token, UUID.randomUUID().toString(), waitSeconds).join();
    }

    /** {@code GET /v1/payments/{id}} as {@code userId}. */
    public Reply payment(String userId, String paymentId) {
        return get(ChatpayService.PAYMENT, "/v1/payments/" + paymentId).as(userId).send();
    }

    public static Map<String, Object> amount(long cents) {
        return Map.of("value", cents, "currency", "EUR");
    }

    private static Reply reply(HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        JsonNode json = MissingNode.getInstance();
        if (!text.isBlank()) {
            try {
                json = JSON.readTree(text);
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
        }
        return new Reply(response.statusCode(), response.headers().map(), text, json);
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
