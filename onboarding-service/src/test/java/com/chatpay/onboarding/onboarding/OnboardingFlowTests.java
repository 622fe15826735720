package com.chatpay.onboarding.onboarding;

import static com.chatpay.onboarding.testing.OnboardingApi.VISA;
import static com.chatpay.onboarding.testing.OnboardingApi.addCard;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.newUser;
import static com.chatpay.onboarding.testing.OnboardingApi.putProfile;
import static com.chatpay.onboarding.testing.OnboardingApi.requestSms;
import static com.chatpay.onboarding.testing.OnboardingApi.setPin;
import static com.chatpay.onboarding.testing.OnboardingApi.smsEvents;
import static com.chatpay.onboarding.testing.OnboardingApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.OnboardingEvents.UserSuspended;
import com.chatpay.onboarding.testing.OnboardingApi;
import com.chatpay.onboarding.testing.OnboardingTestKeys;
import com.chatpay.testsupport.ChatpayTestResource;
import com.chatpay.testsupport.MutableClock;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ChatpayTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OnboardingTestKeys.class, restrictToAnnotatedClass = false)
class OnboardingFlowTests {

    @Inject
    MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void shouldOnboardStepByStepAndAnnouncePaymentsActivated() throws Exception {
        String user = newUser();
        as(user).get("/v1/me/onboarding").then().statusCode(200)
                .body("status", equalTo("PROFILE_REQUIRED")).body("nextStep", equalTo("PROFILE"));

        putProfile(user).then().statusCode(200).body("locale", equalTo("fr"))
                .body("firstName", equalTo("Élodie")).body("address.country", equalTo("FR"));
        as(user).get("/v1/me/onboarding").then().body("status", equalTo("CARD_REQUIRED"))
                .body("nextStep", equalTo("CARD"));

        addCard(user, VISA).then().statusCode(201).body("brand", equalTo("VISA")).body("last4", equalTo("1111"))
                .body("expiryMonth", equalTo(12)).body("cardId", org.hamcrest.Matchers.notNullValue());
        as(user).get("/v1/me/onboarding").then().body("status", equalTo("PIN_REQUIRED"))
                .body("nextStep", equalTo("PIN"));

        setPin(user, OnboardingApi.PIN).then().statusCode(200).body("status", equalTo("SMS_VERIFICATION_REQUIRED"));
        as(user).get("/v1/me/onboarding").then().body("nextStep", equalTo("SMS_VERIFICATION"));

        requestSms(user).then().statusCode(202).body("expiresAt", org.hamcrest.Matchers.notNullValue());
        SmsCodeRequested sms = smsEvents(user, 1).get(0);
        assertThat(sms.phoneNumber()).isEqualTo("+33612345678");
        assertThat(sms.locale()).isEqualTo("fr");
        assertThat(sms.purpose()).isEqualTo("ACTIVATION");
        String code = SmsCodeCipher.decrypt(OnboardingTestKeys.smsDecryptionKey(), sms.encryptedCode());
        assertThat(code).matches("[0-9]{6}");
        assertThat(sms.encryptedCode()).doesNotContain(code);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertThatThrownBy(() -> SmsCodeCipher.decrypt(rsa.generateKeyPair().getPrivate(), sms.encryptedCode()))
                .isInstanceOf(IllegalArgumentException.class);

        verify(user, code).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(user).get("/v1/me/onboarding").then().body("status", equalTo("ACTIVE")).body("nextStep", nullValue());

        EventEnvelope activated = OnboardingApi.onboardingEvents(user, "PaymentsActivated", 1).get(0);
        assertThat(activated.subject()).isEqualTo(user);
        assertThat(activated.source()).isEqualTo("urn:chatpay:onboarding-service");
        assertThat(activated.specversion()).isEqualTo("1.0");
        assertThat(fieldNames(activated)).containsExactlyInAnyOrder("userId", "country", "currency", "cardToken",
                "firstName", "locale", "activatedAt");
        PaymentsActivated payload = EventCodec.payload(activated, PaymentsActivated.class);
        assertThat(payload.userId()).isEqualTo(user);
        assertThat(payload.country()).isEqualTo("FR");
        assertThat(payload.currency()).isEqualTo("EUR");
        assertThat(payload.firstName()).isEqualTo("Élodie");
        assertThat(payload.locale()).isEqualTo("fr");
        assertThat(payload.cardToken()).startsWith("tok_sim_ok_");
        assertThat(payload.activatedAt()).isNotNull();

        EventEnvelope registered = OnboardingApi.onboardingEvents(user, "CardRegistered", 1).get(0);
        assertThat(fieldNames(registered)).containsExactlyInAnyOrder("userId", "cardToken", "brand", "last4",
                "expiryMonth", "expiryYear");
        CardRegistered card = EventCodec.payload(registered, CardRegistered.class);
        assertThat(card.cardToken()).isEqualTo(payload.cardToken());
        assertThat(card.brand()).isEqualTo("VISA");
        assertThat(card.last4()).isEqualTo("1111");
        assertThat(card.expiryMonth()).isEqualTo(12);
        assertThat(EventCodec.toJson(registered)).doesNotContain("4111111111111111").doesNotContain("411111111111");
    }

    private static List<String> fieldNames(EventEnvelope envelope) {
        List<String> names = new ArrayList<>();
        envelope.data().fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldRefuseStepsOutOfOrderNamingTheNextStep() {
        String user = newUser();
        addCard(user, VISA).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ONBOARDING_STEP_OUT_OF_ORDER")).body("detail", containsString("PROFILE"));
        setPin(user, OnboardingApi.PIN).then().statusCode(409).body("code", equalTo("ONBOARDING_STEP_OUT_OF_ORDER"));
        requestSms(user).then().statusCode(409).body("code", equalTo("ONBOARDING_STEP_OUT_OF_ORDER"));
        verify(user, "123456").then().statusCode(409).body("code", equalTo("ONBOARDING_STEP_OUT_OF_ORDER"));

        putProfile(user).then().statusCode(200);
        setPin(user, OnboardingApi.PIN).then().statusCode(409).body("detail", containsString("CARD"));
        requestSms(user).then().statusCode(409).body("detail", containsString("CARD"));

        addCard(user, VISA).then().statusCode(201);
        requestSms(user).then().statusCode(409).body("detail", containsString("PIN"));
        as(user).get("/v1/me/onboarding").then().body("status", equalTo("PIN_REQUIRED"));
    }

    @Test
    void shouldAnswerValidationErrorsPerField() {
        String user = newUser();
        as(user).body(Map.of("firstName", "R2-D2", "lastName", "Lee",
                        "address", Map.of("line1", "1 Main St", "postalCode", "7500", "city", "Paris", "country", "DE"),
                        "phoneNumber", "0612345678"))
                .put("/v1/me/profile").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("firstName", "address.country",
                        "phoneNumber"));
        as(user).body(Map.of("firstName", "Ann", "lastName", "Lee",
                        "address", Map.of("line1", "1 rue", "postalCode", "7500", "city", "Paris", "country", "FR"),
                        "phoneNumber", "+33612345678"))
                .put("/v1/me/profile").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains(
                        "address.postalCode"));
        as(user).body(Map.of("firstName", "Ann", "lastName", "Lee", "nickname", "x",
                        "address", Map.of("line1", "1 rue", "postalCode", "75002", "city", "Paris", "country", "FR"),
                        "phoneNumber", "+33612345678"))
                .put("/v1/me/profile").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(user).get("/v1/me/onboarding").then().body("status", equalTo("PROFILE_REQUIRED"));
    }

    @Test
    void shouldCreateTheProfileOnceWhenFirstSubmissionsRace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String user = newUser();
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(() -> putProfile(user).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
                as(user).get("/v1/me/onboarding").then().body("status", equalTo("CARD_REQUIRED"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLetOpsSuspendAndReinstateAUser() {
        String user = OnboardingApi.activeUser();
        given().header("Authorization", TestTokens.bearer(user)).post("/v1/ops/users/" + user + "/suspend")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.opsBearer("ops-1")).post("/v1/ops/users/" + user + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(user).body(Map.of("payeeId", "bob", "amount", Map.of("value", 100, "currency", "EUR"), "pin",
                OnboardingApi.PIN)).post("/v1/payment-authorizations").then().statusCode(409)
                .body("code", equalTo("PAYER_NOT_ACTIVE"));
        addCard(user, VISA).then().statusCode(409).body("code", equalTo("USER_SUSPENDED"));
        UserSuspended suspended = EventCodec.payload(OnboardingApi.onboardingEvents(user, "UserSuspended", 1).get(0),
                UserSuspended.class);
        assertThat(suspended.suspended()).isTrue();

        given().header("Authorization", TestTokens.opsBearer("ops-1")).post("/v1/ops/users/" + user + "/reinstate")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(OnboardingApi.onboardingEvents(user, "UserSuspended", 2)).hasSize(2);
        given().header("Authorization", TestTokens.opsBearer("ops-1")).post("/v1/ops/users/nobody-" + user + "/suspend")
                .then().statusCode(404);
    }

    @Test
    void shouldStoreTheLocaleOfTheCountry() {
        String user = newUser();
        as(user).body(Map.of("firstName", "Ann", "lastName", "O'Neil",
                        "address", Map.of("line1", "1 Market St", "line2", "Apt 2", "postalCode", "94105-1234",
                                "city", "San Francisco", "country", "US"),
                        "phoneNumber", "+14155550100"))
                .put("/v1/me/profile").then().statusCode(200).body("locale", equalTo("en"));
        as(user).get("/v1/me/profile").then().statusCode(200).body("address.line2", equalTo("Apt 2"));
    }

    @Test
    void shouldRequireAValidUserToken() {
        given().get("/v1/me/onboarding").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + TestTokens.wrongSignature("mallory"))
                .get("/v1/me/onboarding").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired("mallory"))
                .get("/v1/me/onboarding").then().statusCode(401);
        given().header("Authorization", TestTokens.opsBearer("ops-1"))
                .get("/v1/me/onboarding").then().statusCode(403);
        given().contentType("application/json").body(Map.of("pin", "3817")).put("/v1/me/pin").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/v1/payment-authorizations").then().statusCode(401);
        given().post("/v1/me/activation/sms").then().statusCode(401);
        given().get("/v1/me/cards").then().statusCode(401);
    }
}
