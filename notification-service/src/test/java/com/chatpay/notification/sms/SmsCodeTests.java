package com.chatpay.notification.sms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.notification.Events;
import com.chatpay.notification.SmsTestKeys;
import com.chatpay.testsupport.ChatpayTestResource;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** SMS codes end to end inside the service: Kafka → inbox → decrypt → template → simulator → {@code /dev/sms}. */
@QuarkusTest
@QuarkusTestResource(value = ChatpayTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmsTestKeys.class, restrictToAnnotatedClass = false)
class SmsCodeTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void shouldSendTheDecryptedCodeInFrench() {
        String phone = newPhoneNumber();
        String code = newCode();

        TestKafka.send(Topics.ONBOARDING_SMS, "u1", Events.json(request("u1", phone, code, "fr-FR"), "u1"));

        List<Map<String, Object>> sent = awaitMessages(phone, 1);
        assertThat(sent.get(0)).containsEntry("phoneNumber", phone)
                .containsEntry("text", "Votre code chatpay : " + code + ". Il expire dans 10 minutes.")
                .containsKey("sentAt");
    }

    @Test
    void shouldSendTheDecryptedCodeInEnglish() {
        String phone = newPhoneNumber();
        String code = newCode();

        TestKafka.send(Topics.ONBOARDING_SMS, "u2", Events.json(request("u2", phone, code, "en"), "u2"));

        assertThat(awaitMessages(phone, 1).get(0))
                .containsEntry("text", "Your chatpay code: " + code + ". It expires in 10 minutes.");
    }

    @Test
    void shouldSendARedeliveredEventOnce() {
        String phone = newPhoneNumber();
        String first = newCode();
        String later = newCode();
        String json = Events.json(request("u3", phone, first, "en"), "u3");

        TestKafka.send(Topics.ONBOARDING_SMS, "u3", json);
        TestKafka.send(Topics.ONBOARDING_SMS, "u3", json);
        // same key, same partition: once the later event is sent, the redelivery before it has been handled
        TestKafka.send(Topics.ONBOARDING_SMS, "u3", Events.json(request("u3", phone, later, "en"), "u3"));

        List<Map<String, Object>> sent = awaitMessages(phone, 2);
        assertThat(sent).extracting(m -> (String) m.get("text"))
                .containsExactly("Your chatpay code: " + first + ". It expires in 10 minutes.",
                        "Your chatpay code: " + later + ". It expires in 10 minutes.");
    }

    @Test
    void shouldDeadLetterAMalformedEventAndKeepConsuming() {
        String marker = UUID.randomUUID().toString();
        String phone = newPhoneNumber();
        String code = newCode();

        TestKafka.send(Topics.ONBOARDING_SMS, "u4", "{\"not-a-cloud-event\":\"" + marker + "\"}");
        TestKafka.send(Topics.ONBOARDING_SMS, "u4", Events.json(request("u4", phone, code, "fr"), "u4"));

        assertThat(TestKafka.records(Topics.deadLetter(Topics.Groups.NOTIFICATION_SMS), v -> v.contains(marker), 1,
                WAIT)).hasSize(1);
        assertThat(awaitMessages(phone, 1).get(0).get("text")).asString().contains(code);
    }

    @Test
    void shouldDeadLetterACodeEncryptedForAnotherKey() throws Exception {
        String phone = newPhoneNumber();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey otherKey = generator.generateKeyPair().getPublic();
        SmsCodeRequested foreign = new SmsCodeRequested(UUID.randomUUID().toString(), "u5", phone,
                SmsCodeCipher.encrypt(otherKey, "123456"), "fr", "ACTIVATION", Instant.now().plusSeconds(600));
        String json = Events.json(foreign, "u5");
        String eventId = com.chatpay.common.events.EventCodec.parse(json).id().toString();

        TestKafka.send(Topics.ONBOARDING_SMS, "u5", json);

        assertThat(TestKafka.records(Topics.deadLetter(Topics.Groups.NOTIFICATION_SMS), v -> v.contains(eventId), 1,
                WAIT)).hasSize(1);
        assertThat(messages(phone)).isEmpty();
    }

    @Test
    void shouldRetryARefusedSendAndSendOnce() throws Exception {
        String code = newCode();
        String json = Events.json(request("u6", SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT, code, "en"), "u6");
        String key = "sms-code:" + com.chatpay.common.events.EventCodec.parse(json).id();

        TestKafka.send(Topics.ONBOARDING_SMS, "u6", json);

        await().atMost(WAIT).until(() -> textsTo(SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT).stream()
                .anyMatch(t -> t.contains(code)));
        assertThat(textsTo(SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT)).filteredOn(t -> t.contains(code)).hasSize(1);
        assertThat(attempts(key)).isEqualTo("2:SENT");
    }

    @Test
    void shouldNotSendTwiceWhenTheFirstAnswerWasLost() throws Exception {
        String code = newCode();
        String json = Events.json(request("u7", SimulatedSmsProvider.LOSES_FIRST_ANSWER, code, "en"), "u7");
        String key = "sms-code:" + com.chatpay.common.events.EventCodec.parse(json).id();

        TestKafka.send(Topics.ONBOARDING_SMS, "u7", json);

        await().atMost(WAIT).until(() -> attempts(key).equals("2:SENT"));
        // the first attempt went through although it reported a failure: the retry must not send a second SMS
        assertThat(textsTo(SimulatedSmsProvider.LOSES_FIRST_ANSWER)).filteredOn(t -> t.contains(code)).hasSize(1);
    }

    @Test
    void shouldNeverStoreTheCodeInClear() {
        String code = newCode();
        String json = Events.json(request("u10", SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT, code, "fr"), "u10");
        String key = "sms-code:" + com.chatpay.common.events.EventCodec.parse(json).id();

        TestKafka.send(Topics.ONBOARDING_SMS, "u10", json);

        await().atMost(WAIT).until(() -> attempts(key).equals("2:SENT"));
        com.chatpay.notification.Deliveries.Row row = com.chatpay.notification.Deliveries.byKey(key).get(0);
        assertThat(row.channel()).isEqualTo("SMS");
        assertThat(row.payload()).doesNotContain(code);
        assertThat(row.lastError()).isEqualTo("simulated operator refused the message").doesNotContain(code);
    }

    @Test
    void shouldNotSendACodeThatExpiresBeforeItCanBeTyped() {
        String phone = newPhoneNumber();
        // 29 s left: less than the half minute a user needs, so not worth sending
        SmsCodeRequested soon = new SmsCodeRequested(UUID.randomUUID().toString(), "u11", phone,
                SmsCodeCipher.encrypt(SmsTestKeys.publicKey(), newCode()), "en", "ACTIVATION",
                Instant.now().plusSeconds(29));
        TestKafka.send(Topics.ONBOARDING_SMS, "u11", Events.json(soon, "u11"));
        String later = newCode();
        TestKafka.send(Topics.ONBOARDING_SMS, "u11", Events.json(request("u11", phone, later, "en"), "u11"));

        awaitMessages(phone, 1);
        assertThat(messages(phone)).extracting(m -> (String) m.get("text")).singleElement().asString().contains(later);
    }

    @Test
    void shouldNeverLogTheCode() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String phone = newPhoneNumber();
            String code = newCode();
            TestKafka.send(Topics.ONBOARDING_SMS, "u8", Events.json(request("u8", phone, code, "en"), "u8"));
            // the scripted refusal makes the failure path log too
            String retried = newCode();
            TestKafka.send(Topics.ONBOARDING_SMS, "u8",
                    Events.json(request("u8", SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT, retried, "fr"), "u8"));

            awaitMessages(phone, 1);
            await().atMost(WAIT).until(() -> textsTo(SimulatedSmsProvider.REFUSES_FIRST_ATTEMPT).stream()
                    .anyMatch(t -> t.contains(retried)));
            assertThat(lines).isNotEmpty();
            assertThat(lines).noneMatch(l -> l.contains(code) || l.contains(retried));
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void shouldCountSentSmsInMetrics() {
        String phone = newPhoneNumber();
        TestKafka.send(Topics.ONBOARDING_SMS, "u9", Events.json(request("u9", phone, newCode(), "en"), "u9"));
        awaitMessages(phone, 1);

        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).containsPattern("chatpay_notifications_total\\{channel=\"sms\",outcome=\"sent\"[^}]*} [1-9]");
    }

    @Test
    void shouldRefuseAnInvalidPhoneNumber() {
        given().queryParam("phoneNumber", "nope").get("/dev/sms")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("phoneNumber"));
    }

    @Test
    void shouldAnswerAnUnknownPathWithTheNotFoundProblem() {
        given().get("/dev/no-such-endpoint")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static SmsCodeRequested request(String userId, String phone, String code, String locale) {
        return new SmsCodeRequested(UUID.randomUUID().toString(), userId, phone,
                SmsCodeCipher.encrypt(SmsTestKeys.publicKey(), code), locale, "ACTIVATION",
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static List<Map<String, Object>> awaitMessages(String phone, int count) {
        await().atMost(WAIT).until(() -> messages(phone).size() >= count);
        List<Map<String, Object>> sent = messages(phone);
        assertThat(sent).hasSize(count);
        return sent;
    }

    private static List<Map<String, Object>> messages(String phone) {
        return given().queryParam("phoneNumber", phone).get("/dev/sms")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
    }

    private static List<String> textsTo(String phone) {
        return messages(phone).stream().map(m -> (String) m.get("text")).toList();
    }

    /** {@code <attempts>:<status>} of the SMS delivery, empty before it exists. */
    private static String attempts(String deliveryKey) throws Exception {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT attempts, status FROM delivery WHERE dedup_key = ? AND channel = 'SMS'")) {
            s.setString(1, deliveryKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) + ":" + rs.getString(2) : "";
            }
        }
    }

    private static String newPhoneNumber() {
        return "+336" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static String newCode() {
        return String.valueOf(100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }
}
