package com.chatpay.notification.push;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.notification.Deliveries;
import com.chatpay.notification.Events;
import com.chatpay.notification.SmsTestKeys;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Push tokens, preferences and payment pushes: Kafka → in-app notification → push deliveries → push simulator. */
@QuarkusTest
class PushNotificationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Money TWENTY_EUROS = Money.of(2000, "EUR");

    @Test
    void shouldRegisterATokenIdempotentlyAndKeepTheNewestFivePerUser() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String first = newToken();

        register(user, first, "APNS").then().statusCode(200)
                .body("token", equalTo(first)).body("platform", equalTo("APNS"));
        String registeredAt = register(user, first, "APNS").then().statusCode(200).extract().path("registeredAt");
        assertThat(tokensOf(user)).containsExactly(first);

        List<String> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = newToken();
            later.add(token);
            register(user, token, i % 2 == 0 ? "FCM" : "APNS").then().statusCode(200);
        }
        // the sixth device pushed out the least recently registered one
        assertThat(tokensOf(user)).containsExactlyInAnyOrderElementsOf(later);
        assertThat(registeredAt).isNotNull();
    }

    @Test
    void shouldMoveADeviceTokenToItsNewUser() throws Exception {
        String alice = "user-" + UUID.randomUUID();
        String bob = "user-" + UUID.randomUUID();
        String shared = newToken();
        register(alice, shared, "FCM").then().statusCode(200);
        register(bob, shared, "FCM").then().statusCode(200);

        assertThat(tokensOf(alice)).isEmpty();
        assertThat(tokensOf(bob)).containsExactly(shared);
    }

    @Test
    void shouldRefuseInvalidTokensAndStrangers() {
        String user = "user-" + UUID.randomUUID();
        for (String body : List.of("{\"token\":\"abc\",\"platform\":\"WINDOWS\"}", "{\"token\":\" \",\"platform\":\"FCM\"}",
                "{\"platform\":\"FCM\"}", "{\"token\":\"abc\"}", "{\"token\":\"abc\",\"platform\":\"FCM\",\"userId\":\"x\"}")) {
            given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON).body(body)
                    .put("/v1/me/push-tokens")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("token", "abc", "platform", "FCM"))
                .put("/v1/me/push-tokens").then().statusCode(401);
        given().header("Authorization", TestTokens.opsBearer("operator")).contentType(ContentType.JSON)
                .body(Map.of("token", "abc", "platform", "FCM"))
                .put("/v1/me/push-tokens").then().statusCode(403);
    }

    @Test
    void shouldPushAPaymentToEachDeviceOnceHoweverOftenTheEventComes() {
        String payer = activated("Alice", "fr");
        String payee = activated("Bob", "en");
        String payerPhone = newToken();
        String payeePhone = newToken();
        String payeeTablet = newToken();
        register(payer, payerPhone, "APNS").then().statusCode(200);
        register(payee, payeePhone, "FCM").then().statusCode(200);
        register(payee, payeeTablet, "APNS").then().statusCode(200);
        UUID paymentId = UUID.randomUUID();
        String json = Events.json(completed(paymentId, payer, payee), payer);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, json);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, json);                                        // redelivered
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(paymentId, payer, payee), payer)); // new id
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(marker, payer, payee), payer));

        // same key, same partition: the marker's pushes exist once every earlier event was consumed
        await().atMost(WAIT).until(() -> Deliveries.ofPayment(marker, "PUSH").size() == 3
                && Deliveries.ofPayment(paymentId, "PUSH").stream().allMatch(r -> "SENT".equals(r.status()))
                && Deliveries.ofPayment(marker, "PUSH").stream().allMatch(r -> "SENT".equals(r.status())));
        assertThat(Deliveries.ofPayment(paymentId, "PUSH")).hasSize(3);
        assertThat(Deliveries.pushesTo(payerPhone)).containsExactly("Vous avez envoyé 20,00 € à Bob",
                "Vous avez envoyé 20,00 € à Bob");                                   // the payment, then the marker
        assertThat(Deliveries.pushesTo(payeePhone)).containsExactly("Alice sent you €20.00 🎉",
                "Alice sent you €20.00 🎉");
        assertThat(Deliveries.pushesTo(payeeTablet)).hasSize(2);
    }

    @Test
    void shouldFailAPushToAnUninstalledAppAtOnceAndForgetItsToken() throws Exception {
        String payer = "user-" + UUID.randomUUID();
        String gone = SimulatedPushProvider.UNREGISTERED_PREFIX + UUID.randomUUID();
        register(payer, gone, "APNS").then().statusCode(200);
        UUID paymentId = UUID.randomUUID();

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(paymentId, payer,
                "user-" + UUID.randomUUID()), payer));

        await().atMost(WAIT).until(() -> Deliveries.ofPayment(paymentId, "PUSH").stream()
                .anyMatch(r -> "FAILED".equals(r.status())));
        Deliveries.Row row = Deliveries.ofPayment(paymentId, "PUSH").get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains("unregistered");
        assertThat(tokensOf(payer)).isEmpty();
    }

    @Test
    void shouldNotPushAMutedReceivedPaymentButStillNotifyInApp() {
        String payer = activated("Chloé", "fr");
        String payee = activated("Driss", "fr");
        String payerPhone = newToken();
        String payeePhone = newToken();
        register(payer, payerPhone, "APNS").then().statusCode(200);
        register(payee, payeePhone, "FCM").then().statusCode(200);
        // both mute received payments: the payer still hears about what they sent
        for (String user : List.of(payer, payee)) {
            given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON)
                    .body(Map.of("mutePaymentsReceived", true))
                    .put("/v1/me/notification-preferences")
                    .then().statusCode(200).body("mutePaymentsReceived", equalTo(true));
        }
        given().header("Authorization", TestTokens.bearer(payee)).get("/v1/me/notification-preferences")
                .then().statusCode(200).body("mutePaymentsReceived", equalTo(true));
        UUID paymentId = UUID.randomUUID();

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(paymentId, payer, payee), payer));

        // the pushes are created in the same transaction as both notifications: once the payer's is sent, all are
        await().atMost(WAIT).until(() -> Deliveries.pushesTo(payerPhone).size() == 1);
        assertThat(Deliveries.pushesTo(payerPhone)).containsExactly("Vous avez envoyé 20,00 € à Driss");
        assertThat(Deliveries.ofUser(payee, "PUSH")).isEmpty();
        assertThat(Deliveries.pushesTo(payeePhone)).isEmpty();
        given().header("Authorization", TestTokens.bearer(payee)).get("/v1/me/notifications")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("PAYMENT_RECEIVED"));

        // unmuted again: the next received payment is pushed
        given().header("Authorization", TestTokens.bearer(payee)).contentType(ContentType.JSON)
                .body(Map.of("mutePaymentsReceived", false))
                .put("/v1/me/notification-preferences").then().statusCode(200);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(UUID.randomUUID(), payer, payee), payer));
        await().atMost(WAIT).until(() -> Deliveries.pushesTo(payeePhone).size() == 1);
    }

    @Test
    void shouldNotLetPreferencesMuteSmsCodes() {
        String user = "user-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON)
                .body(Map.of("mutePaymentsReceived", true))
                .put("/v1/me/notification-preferences").then().statusCode(200);
        String phone = "+336" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));

        TestKafka.send(Topics.ONBOARDING_SMS, user, Events.json(new SmsCodeRequested(UUID.randomUUID().toString(), user,
                phone, SmsCodeCipher.encrypt(SmsTestKeys.publicKey(), "424242"), "en", "ACTIVATION",
                Instant.now().plus(Duration.ofMinutes(10))), user));

        await().atMost(WAIT).until(() -> given().queryParam("phoneNumber", phone).get("/dev/sms")
                .then().extract().jsonPath().getList("text").contains(
                        "Your chatpay code: 424242. It expires in 10 minutes."));
    }

    @Test
    void shouldAnswerDefaultPreferencesAndRefuseInvalidOnes() {
        String user = "user-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(user)).get("/v1/me/notification-preferences")
                .then().statusCode(200).body("mutePaymentsReceived", equalTo(false));
        for (String body : List.of("{}", "{\"mutePaymentsReceived\":\"yes\"}", "{\"mutePaymentsReceived\":null}")) {
            given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON).body(body)
                    .put("/v1/me/notification-preferences")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().get("/v1/me/notification-preferences").then().statusCode(401);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static io.restassured.response.Response register(String user, String token, String platform) {
        return given().header("Authorization", TestTokens.bearer(user)).contentType(ContentType.JSON)
                .body(Map.of("token", token, "platform", platform))
                .put("/v1/me/push-tokens");
    }

    private static String activated(String firstName, String locale) {
        String userId = "user-" + UUID.randomUUID();
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, Events.json(new PaymentsActivated(userId, "FR", "EUR",
                null, firstName, locale, Instant.now()), userId));
        await().atMost(WAIT).until(() -> knownUser(userId));
        return userId;
    }

    private static PaymentCompleted completed(UUID paymentId, String payer, String payee) {
        return new PaymentCompleted(paymentId, payer, payee, null, TWENTY_EUROS, null, Instant.now());
    }

    private static String newToken() {
        return "device-" + UUID.randomUUID();
    }

    private static List<String> tokensOf(String user) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT token FROM push_token WHERE user_id = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tokens.add(rs.getString(1));
                }
            }
        }
        return tokens;
    }

    private static boolean knownUser(String userId) throws Exception {
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM known_user WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
