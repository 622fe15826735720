package com.chatpay.onboarding.authorization;

import static com.chatpay.onboarding.testing.OnboardingApi.PIN;
import static com.chatpay.onboarding.testing.OnboardingApi.activeUser;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.newUser;
import static com.chatpay.onboarding.testing.OnboardingApi.requestSms;
import static com.chatpay.onboarding.testing.OnboardingApi.smsCode;
import static com.chatpay.onboarding.testing.OnboardingApi.status;
import static com.chatpay.onboarding.testing.OnboardingApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.OnboardingEvents.PaymentsLocked;
import com.chatpay.common.security.AuthorizationClaims;
import com.chatpay.onboarding.testing.OnboardingApi;
import com.chatpay.onboarding.testing.OnboardingTestKeys;
import com.chatpay.testsupport.MutableClock;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentAuthorizationTests {

    @Inject
    MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private static Response authorize(String payer, String payee, Object value, String currency, String pin) {
        return as(payer).body(Map.of("payeeId", payee, "amount", Map.of("value", value, "currency", currency),
                "pin", pin)).post("/v1/payment-authorizations");
    }

    @Test
    void shouldIssueASignedTokenBoundToPayerPayeeAndAmount() throws Exception {
        String alice = activeUser();
        String bob = newUser();
        Response response = authorize(alice, bob, 2000, "EUR", PIN);
        response.then().statusCode(201);
        String token = response.path("authorizationToken");
        Instant expiresAt = Instant.parse(response.path("expiresAt"));

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(OnboardingTestKeys.authorizationPublicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedIssuer("chatpay-onboarding")
                .setExpectedAudience(AuthorizationClaims.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo(alice);
        assertThat(claims.getClaimValue(AuthorizationClaims.PAYEE)).isEqualTo(bob);
        assertThat(claims.getClaimValue(AuthorizationClaims.AMOUNT)).isEqualTo(2000L);
        assertThat(claims.getClaimValue(AuthorizationClaims.CURRENCY)).isEqualTo("EUR");
        assertThat(claims.getClaimValue(AuthorizationClaims.METHOD)).isEqualTo("PIN");
        assertThat(claims.getClaimValue(AuthorizationClaims.PAYER_COUNTRY)).isEqualTo("FR");
        long ttl = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(ttl).isEqualTo(300);
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(expiresAt.getEpochSecond());
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"amount\":2000").doesNotContain(PIN);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ES256\"");

        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT * FROM payment_authorization WHERE jti = ?")) {
            // time-ordered (version 7): each authorization appends to the primary key's index
            assertThat(UUID.fromString(claims.getJwtId()).version()).isEqualTo(7);
            s.setObject(1, UUID.fromString(claims.getJwtId()));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("payer_id")).isEqualTo(alice);
                assertThat(rs.getString("payee_id")).isEqualTo(bob);
                assertThat(rs.getLong("amount")).isEqualTo(2000);
                assertThat(rs.getString("currency")).isEqualTo("EUR");
            }
        }
        String second = authorize(alice, bob, 2000, "EUR", PIN).then().statusCode(201).extract()
                .path("authorizationToken");
        assertThat(consumer.processToClaims(second).getJwtId()).isNotEqualTo(claims.getJwtId());
    }

    @Test
    void shouldLockPaymentsAfterThreeWrongPinsUntilSmsReverification() {
        String alice = activeUser();
        String bob = newUser();
        authorize(alice, bob, 500, "EUR", "9051").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("PIN_INVALID")).body("attemptsRemaining", equalTo(2));
        authorize(alice, bob, 500, "EUR", "9052").then().statusCode(403).body("attemptsRemaining", equalTo(1));
        authorize(alice, bob, 500, "EUR", "9053").then().statusCode(423).body("code", equalTo("PAYMENTS_LOCKED"));
        authorize(alice, bob, 500, "EUR", PIN).then().statusCode(423).body("code", equalTo("PAYMENTS_LOCKED"));
        assertThat(status(alice)).isEqualTo("LOCKED");
        OnboardingApi.setPin(alice, "5091").then().statusCode(423);

        PaymentsLocked locked = EventCodec.payload(OnboardingApi.onboardingEvents(alice, "PaymentsLocked", 1).get(0),
                PaymentsLocked.class);
        assertThat(locked.userId()).isEqualTo(alice);
        assertThat(locked.reason()).isEqualTo("TOO_MANY_WRONG_PINS");

        // the activation code was used once and cannot unlock
        verify(alice, smsCode(alice, 1)).then().statusCode(409).body("code", equalTo("SMS_CODE_NOT_REQUESTED"));
        clock.advance(Duration.ofSeconds(60));
        requestSms(alice).then().statusCode(202);
        verify(alice, smsCode(alice, 2)).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(OnboardingApi.onboardingEvents(alice, "PaymentsActivated", 2)).hasSize(2);
        authorize(alice, bob, 500, "EUR", PIN).then().statusCode(201);
    }

    @Test
    void shouldResetTheWrongPinCountAfterARightPin() {
        String alice = activeUser();
        String bob = newUser();
        authorize(alice, bob, 500, "EUR", "9051").then().statusCode(403).body("attemptsRemaining", equalTo(2));
        authorize(alice, bob, 500, "EUR", "9052").then().statusCode(403).body("attemptsRemaining", equalTo(1));
        authorize(alice, bob, 500, "EUR", PIN).then().statusCode(201);
        authorize(alice, bob, 500, "EUR", "9053").then().statusCode(403).body("attemptsRemaining", equalTo(2));
    }

    @Test
    void shouldRejectPaymentsThatCannotBeAuthorized() {
        String alice = activeUser();
        authorize(alice, alice, 500, "EUR", PIN).then().statusCode(400).body("code", equalTo("SELF_PAYMENT"));
        authorize(alice, "bob", 0, "EUR", PIN).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("amount.value"));
        authorize(alice, "bob", 500, "USD", PIN).then().statusCode(400).body("code", equalTo("CURRENCY_MISMATCH"));
        authorize(alice, "bob", 20.5, "EUR", PIN).then().statusCode(400);
        authorize(alice, "bob", 500, "EUR", "12").then().statusCode(400).body("errors[0].field", equalTo("pin"));
        // none of these counted as a wrong PIN
        authorize(alice, "bob", 500, "EUR", "9051").then().statusCode(403).body("attemptsRemaining", equalTo(2));

        String newcomer = newUser();
        OnboardingApi.putProfile(newcomer).then().statusCode(200);
        authorize(newcomer, "bob", 500, "EUR", PIN).then().statusCode(409).body("code", equalTo("PAYER_NOT_ACTIVE"));
    }

    @Test
    void shouldRefuseAPayeeInAnotherCountryOrSuspended() {
        String alice = activeUser();
        String american = newUser();
        as(american).body(Map.of("firstName", "Amy", "lastName", "Smith",
                        "address", Map.of("line1", "1 Main St", "postalCode", "10001", "city", "New York",
                                "country", "US"),
                        "phoneNumber", "+12125550123"))
                .put("/v1/me/profile").then().statusCode(200);
        authorize(alice, american, 500, "EUR", PIN).then().statusCode(422)
                .body("code", equalTo("PAYEE_IN_OTHER_COUNTRY"));

        String suspended = activeUser();
        io.restassured.RestAssured.given().header("Authorization", com.chatpay.testsupport.TestTokens.opsBearer("olivia"))
                .post("/v1/ops/users/" + suspended + "/suspend").then().statusCode(200);
        authorize(alice, suspended, 500, "EUR", PIN).then().statusCode(422)
                .body("code", equalTo("PAYEE_CANNOT_RECEIVE"));
        // a payee chatpay does not know yet can be paid: the money waits for them
        authorize(alice, newUser(), 500, "EUR", PIN).then().statusCode(201);
    }

    @Test
    void shouldRefuseWeakPinsAndRequireTheCurrentPinToChangeIt() {
        String alice = activeUser();
        OnboardingApi.setPin(alice, "1234").then().statusCode(400).body("code", equalTo("PIN_TOO_WEAK"));
        OnboardingApi.setPin(alice, "12345").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        OnboardingApi.setPin(alice, "5091").then().statusCode(400).body("errors[0].field", equalTo("currentPin"));
        as(alice).body(Map.of("pin", "5091", "currentPin", "9999")).put("/v1/me/pin").then().statusCode(403)
                .body("code", equalTo("PIN_INVALID")).body("attemptsRemaining", equalTo(2));
        as(alice).body(Map.of("pin", "5091", "currentPin", PIN)).put("/v1/me/pin").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        authorize(alice, "bob", 500, "EUR", PIN).then().statusCode(403);
        authorize(alice, "bob", 500, "EUR", "5091").then().statusCode(201);
    }

    @Test
    void shouldExposeBusinessMetrics() {
        String alice = activeUser();
        authorize(alice, "bob", 500, "EUR", PIN).then().statusCode(201);
        authorize(alice, "bob", 500, "EUR", "9051").then().statusCode(403);
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).containsPattern("chatpay_authorizations_total\\{method=\"PIN\",outcome=\"issued\"[^}]*} ")
                .containsPattern("chatpay_pin_checks_total\\{outcome=\"invalid\"[^}]*} ")
                .containsPattern("chatpay_sms_codes_total\\{outcome=\"verified\"[^}]*} ")
                .containsPattern("chatpay_onboarding_steps_total\\{outcome=\"completed\",step=\"card\"[^}]*} ");
        assertThat(metrics).doesNotContain(alice);
    }

    @Test
    void shouldNotLetTheTokenOutliveFiveMinutes() {
        String alice = activeUser();
        Instant now = clock.instant();
        Instant expiresAt = Instant.parse(authorize(alice, "bob", 500, "EUR", PIN).then().statusCode(201).extract()
                .path("expiresAt"));
        assertThat(Duration.between(now, expiresAt)).isLessThanOrEqualTo(AuthorizationClaims.MAX_TTL);
    }
}
