package com.chatpay.payment.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plays the other services around payment-service: onboarding's events, limits' decisions, the client's requests. */
public final class PaymentFixtures {

    public static final String OK_CARD = "tok_sim_ok_";
    public static final String NSF_CARD = "tok_sim_nsf_";
    public static final String TIMEOUT_CARD = "tok_sim_tmo_";
    public static final String PAYOUT_FAILS_CARD = "tok_sim_pof_";
    public static final String CHARGES_FINAL_CARD = "tok_sim_fin_";

    private PaymentFixtures() {
    }

    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A simulator network token of the given behaviour prefix. */
    public static String card(String behaviourPrefix) {
        return behaviourPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    // --- onboarding-service -----------------------------------------------------------------------

    public static void sendOnboarding(Record payload, String userId) {
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId,
                EventCodec.toJson(EventCodec.wrap(payload, "urn:chatpay:test", userId, Instant.now())));
    }

    /** Activates the user with a card and waits until payment-service's read model knows it. */
    public static void activate(String userId, String cardToken) {
        sendOnboarding(new PaymentsActivated(userId, "FR", "EUR", cardToken, "Test", "fr-FR", Instant.now()), userId);
        awaitUser(userId, "active AND card_token = '" + cardToken + "'");
    }

    /** Waits until the read model row of the user satisfies an SQL condition. */
    public static void awaitUser(String userId, String condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM payment_user WHERE user_id = ? AND " + condition, userId) == 1);
    }

    // --- limits-service ---------------------------------------------------------------------------

    public static void reserve(String paymentId, String payerId, long amount) {
        sendLimits(new LimitReserved(UUID.fromString(paymentId), payerId, Money.of(amount, "EUR"),
                Money.of(150_000 - amount, "EUR"), null), payerId);
    }

    public static void rejectLimit(String paymentId, String payerId, long amount, String reason, long remaining) {
        sendLimits(new LimitRejected(UUID.fromString(paymentId), payerId, Money.of(amount, "EUR"), reason,
                Money.of(remaining, "EUR"), null), payerId);
    }

    private static void sendLimits(Record payload, String payerId) {
        TestKafka.send(Topics.LIMITS_EVENTS, payerId,
                EventCodec.toJson(EventCodec.wrap(payload, "urn:chatpay:test", payerId, Instant.now())));
    }

    /** The one event of {@code type} published for the payment, decoded. */
    public static <T extends Record> T published(String paymentId, String type, Class<T> payloadType) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = TestKafka.records(
                Topics.PAYMENTS_EVENTS, v -> v.contains(paymentId) && v.contains("\"type\":\"" + type + "\""), 1,
                Duration.ofSeconds(15));
        if (records.isEmpty()) {
            throw new AssertionError("no " + type + " published for payment " + paymentId);
        }
        EventEnvelope envelope = EventCodec.parse(records.get(0).value());
        return EventCodec.payload(envelope, payloadType);
    }

    // --- the client -------------------------------------------------------------------------------

    public static Map<String, Object> body(String payeeId, long amount, String message, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payeeId", payeeId);
        body.put("conversationId", "conv-" + payeeId);
        body.put("amount", Map.of("value", amount, "currency", "EUR"));
        if (message != null) {
            body.put("message", message);
        }
        body.put("authorizationToken", token);
        return body;
    }

    public static Response post(String payerId, String idempotencyKey, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(payerId))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/payments");
    }

    /** Sends a valid payment and returns its id (the 202 is asserted). */
    public static String pay(String payerId, String payeeId, long amount) {
        String token = AuthorizationTokens.token(payerId, payeeId, amount, "EUR").sign();
        return post(payerId, UUID.randomUUID().toString(), body(payeeId, amount, null, token))
                .then().statusCode(202).extract().path("paymentId");
    }

    public static String status(String paymentId, String userId) {
        return given().header("Authorization", TestTokens.bearer(userId))
                .get("/v1/payments/" + paymentId).then().statusCode(200).extract().path("status");
    }

    /** Activates both parties with approving cards and brings a payment to COMPLETED. */
    public static String completedPayment(String payerId, String payeeId, long amount) {
        activate(payerId, card(OK_CARD));
        activate(payeeId, card(OK_CARD));
        String paymentId = pay(payerId, payeeId, amount);
        reserve(paymentId, payerId, amount);
        awaitStatus(paymentId, payerId, "COMPLETED");
        return paymentId;
    }

    /** The payer is active, the payee has no card yet: the payment waits for them. */
    public static String awaitingPayeeFor(String payerId, String payeeId, long amount) {
        activate(payerId, card(OK_CARD));
        String paymentId = pay(payerId, payeeId, amount);
        reserve(paymentId, payerId, amount);
        awaitStatus(paymentId, payerId, "AWAITING_PAYEE");
        return paymentId;
    }

    /** POST {@code /v1/payments/{id}/{action}} with {@code {reason}}, as {@code authorization}. */
    public static Response act(String authorization, String paymentId, String action, String reason) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("reason", reason)).post("/v1/payments/" + paymentId + "/" + action);
    }

    public static void awaitStatus(String paymentId, String userId, String expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> expected.equals(status(paymentId, userId)));
    }

    // --- the database -----------------------------------------------------------------------------

    public static long count(String sql, Object... parameters) {
        return withStatement(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> T withStatement(String sql, Object[] parameters, StatementWork<T> work) {
        try (Connection connection = TestInfrastructure.jdbc();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        return withStatement(sql, parameters, PreparedStatement::executeUpdate);
    }
}
