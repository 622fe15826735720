package com.chatpay.onboarding.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Drives onboarding-service over HTTP the way the app does, and reads what it published. */
public final class OnboardingApi {

    public static final String VISA = "4111 1111 1111 1111";
    public static final String MASTERCARD = "5555 5555 5555 4444";
    public static final String DECLINED_AT_VERIFICATION = "4000 0000 0000 0002";
    public static final String PIN = "3817";
    public static final int EXPIRY_YEAR = java.time.Year.now().getValue() + 3;

    private OnboardingApi() {
    }

    public static String newUser() {
        return "user-" + UUID.randomUUID();
    }

    public static RequestSpecification as(String userId) {
        return given().header("Authorization", TestTokens.bearer(userId)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> frenchProfile() {
        return Map.of("firstName", "Élodie", "lastName", "Le Gall-Dupré",
                "address", Map.of("line1", "12 rue de la Paix", "postalCode", "75002", "city", "Paris",
                        "country", "FR"),
                "phoneNumber", "+33612345678");
    }

    public static Response putProfile(String userId) {
        return as(userId).body(frenchProfile()).put("/v1/me/profile");
    }

    public static Response addCard(String userId, String number) {
        return as(userId).body(Map.of("number", number, "expiryMonth", 12, "expiryYear", EXPIRY_YEAR, "cvc", "123"))
                .post("/v1/me/cards");
    }

    public static Response setPin(String userId, String pin) {
        return as(userId).body(Map.of("pin", pin)).put("/v1/me/pin");
    }

    public static Response requestSms(String userId) {
        return as(userId).post("/v1/me/activation/sms");
    }

    public static Response verify(String userId, String code) {
        return as(userId).body(Map.of("code", code)).post("/v1/me/activation/verify");
    }

    public static String status(String userId) {
        return as(userId).get("/v1/me/onboarding").then().statusCode(200).extract().path("status");
    }

    /** Profile, card and PIN: the user is waiting for the SMS step. */
    public static String userAtSmsStep() {
        String userId = newUser();
        putProfile(userId).then().statusCode(200);
        addCard(userId, VISA).then().statusCode(201);
        setPin(userId, PIN).then().statusCode(200);
        return userId;
    }

    /** A user who went through the whole onboarding. */
    public static String activeUser() {
        String userId = userAtSmsStep();
        requestSms(userId).then().statusCode(202);
        verify(userId, smsCode(userId, 1)).then().statusCode(200);
        return userId;
    }

    /** The user's {@code SmsCodeRequested} events, oldest first, once at least {@code count} were published. */
    public static List<SmsCodeRequested> smsEvents(String userId, int count) {
        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.ONBOARDING_SMS,
                v -> v.contains("\"" + userId + "\""), count, Duration.ofSeconds(20));
        assertThat(records).hasSizeGreaterThanOrEqualTo(count);
        records.forEach(r -> assertThat(r.key()).isEqualTo(userId));
        return records.stream().map(r -> EventCodec.payload(EventCodec.parse(r.value()), SmsCodeRequested.class))
                .collect(Collectors.toList());
    }

    /** The newest code sent to the user, decrypted with notification-service's private key. */
    public static String smsCode(String userId, int codesSentSoFar) {
        List<SmsCodeRequested> events = smsEvents(userId, codesSentSoFar);
        return SmsCodeCipher.decrypt(OnboardingTestKeys.smsDecryptionKey(), events.get(events.size() - 1)
                .encryptedCode());
    }

    /** The user's events of one type on {@code onboarding.events}, once at least {@code count} were published. */
    public static List<EventEnvelope> onboardingEvents(String userId, String type, int count) {
        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.ONBOARDING_EVENTS,
                v -> v.contains("\"" + userId + "\"") && v.contains("\"type\":\"" + type + "\""), count,
                Duration.ofSeconds(20));
        assertThat(records).hasSizeGreaterThanOrEqualTo(count);
        records.forEach(r -> assertThat(r.key()).isEqualTo(userId));
        return records.stream().map(r -> EventCodec.parse(r.value())).collect(Collectors.toList());
    }

    /** A wrong code for the user's newest code. */
    public static String wrongCode(String right) {
        return right.equals("000000") ? "000001" : "000000";
    }
}
