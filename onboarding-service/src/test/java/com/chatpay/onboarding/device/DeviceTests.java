package com.chatpay.onboarding.device;

import static com.chatpay.onboarding.testing.OnboardingApi.PIN;
import static com.chatpay.onboarding.testing.OnboardingApi.activeUser;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.newUser;
import static com.chatpay.onboarding.testing.OnboardingApi.userAtSmsStep;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.chatpay.common.security.AuthorizationClaims;
import com.chatpay.onboarding.testing.OnboardingTestKeys;
import com.chatpay.testsupport.SoftwareAuthenticator;
import com.chatpay.testsupport.MutableClock;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Biometric devices: WebAuthn registration and payment confirmation, driven by a software authenticator. */
@QuarkusTest
class DeviceTests {

    @Inject
    MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private static String registrationChallenge(String user) {
        return as(user).post("/v1/me/devices/registration-options").then().statusCode(200)
                .body("rp.id", equalTo(SoftwareAuthenticator.RP_ID)).body("attestation", equalTo("none"))
                .body("pubKeyCredParams[0].alg", equalTo(-7))
                .extract().path("challenge");
    }

    /** An active user with a device enrolled on the authenticator. */
    private static String userWithDevice(SoftwareAuthenticator authenticator) {
        String user = activeUser();
        String challenge = registrationChallenge(user);
        as(user).body(authenticator.register(challenge, "Pixel 9", PIN)).post("/v1/me/devices").then()
                .statusCode(201).body("name", equalTo("Pixel 9"));
        return user;
    }

    private static Map<String, Object> amount(long value) {
        return Map.of("value", value, "currency", "EUR");
    }

    private static String paymentChallenge(String payer, String payee, long value) {
        return as(payer).body(Map.of("payeeId", payee, "amount", amount(value)))
                .post("/v1/payment-authorizations/options").then().statusCode(201)
                .body("rpId", equalTo(SoftwareAuthenticator.RP_ID)).body("allowCredentials", hasSize(1))
                .extract().path("challenge");
    }

    private static Response confirm(String payer, String payee, long value, Map<String, Object> assertion) {
        return as(payer).body(Map.of("payeeId", payee, "amount", amount(value), "assertion", assertion))
                .post("/v1/payment-authorizations");
    }

    @Test
    void shouldRegisterADeviceAndConfirmAPaymentWithAnAssertion() throws Exception {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        as(alice).get("/v1/me/devices").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].name", equalTo("Pixel 9")).body("nextCursor", equalTo(null));

        String challenge = paymentChallenge(alice, "bob", 2000);
        Response response = confirm(alice, "bob", 2000, authenticator.assertion(challenge));
        response.then().statusCode(201);
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(OnboardingTestKeys.authorizationPublicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedIssuer("chatpay-onboarding").setExpectedAudience(AuthorizationClaims.AUDIENCE)
                .setRequireJwtId().build()
                .processToClaims(response.path("authorizationToken"));
        assertThat(claims.getSubject()).isEqualTo(alice);
        assertThat(claims.getClaimValue(AuthorizationClaims.PAYEE)).isEqualTo("bob");
        assertThat(claims.getClaimValue(AuthorizationClaims.AMOUNT)).isEqualTo(2000L);
        assertThat(claims.getClaimValue(AuthorizationClaims.CURRENCY)).isEqualTo("EUR");
        assertThat(claims.getClaimValue(AuthorizationClaims.METHOD)).isEqualTo("WEBAUTHN");
        as(alice).get("/v1/me/devices").then().body("items[0].lastUsedAt", org.hamcrest.Matchers.notNullValue());

        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT sign_count FROM device WHERE user_id = ?")) {
            s.setString(1, alice);
            ResultSet row = s.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(1);
        }
        String metrics = given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics)
                .containsPattern("chatpay_authorizations_total\\{method=\"WEBAUTHN\",outcome=\"issued\"[^}]*} ")
                .containsPattern("chatpay_onboarding_steps_total\\{outcome=\"completed\",step=\"device\"[^}]*} ");
    }

    @Test
    void shouldRefuseAnAssertionMadeForAnotherAmountOrPayee() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String challenge = paymentChallenge(alice, "bob", 2000);
        confirm(alice, "bob", 50000, authenticator.assertion(challenge)).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"))
                .body("detail", containsString("issued for another payment"));
        confirm(alice, "mallory", 2000, authenticator.assertion(challenge)).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"))
                .body("detail", containsString("issued for another payment"));
        as(alice).body(Map.of("payeeId", "bob", "amount", Map.of("value", 2000, "currency", "USD"),
                        "assertion", authenticator.assertion(challenge)))
                .post("/v1/payment-authorizations").then().statusCode(400).body("code", equalTo("CURRENCY_MISMATCH"));
        Map<String, Object> right = authenticator.assertion(challenge);
        confirm(alice, "bob", 2000, right).then().statusCode(201);
        confirm(alice, "bob", 2000, right).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"));
    }

    @Test
    void shouldRefuseAReusedChallengeAndACounterThatDoesNotIncrease() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String first = paymentChallenge(alice, "bob", 700);
        confirm(alice, "bob", 700, authenticator.assertion(first)).then().statusCode(201);
        confirm(alice, "bob", 700, authenticator.assertion(first)).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"));

        String second = paymentChallenge(alice, "bob", 700);
        authenticator.counter(1);
        Map<String, Object> cloned = authenticator.assertion(second, SoftwareAuthenticator.ORIGIN,
                SoftwareAuthenticator.RP_ID, (byte) (SoftwareAuthenticator.UP | SoftwareAuthenticator.UV),
                authenticator.keys());
        // counter 1 again, where the last accepted assertion left it: a cloned authenticator
        confirm(alice, "bob", 700, cloned).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"))
                .body("detail", containsString("signature counter did not increase"));
        confirm(alice, "bob", 700, authenticator.assertion(second)).then().statusCode(201);
    }

    @Test
    void shouldRefuseAssertionsFromAnotherOriginRpKeyOrWithoutUserVerification() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String challenge = paymentChallenge(alice, "bob", 900);
        byte both = (byte) (SoftwareAuthenticator.UP | SoftwareAuthenticator.UV);
        authenticator.assertion(challenge); // moves the counter forward for the forgeries below
        Map<String, Map<String, Object>> forgeries = Map.of(
                "origin not accepted", authenticator.assertion(challenge, "https://evil.test",
                        SoftwareAuthenticator.RP_ID, both, authenticator.keys()),
                "rpId hash does not match", authenticator.assertion(challenge, SoftwareAuthenticator.ORIGIN,
                        "evil.test", both, authenticator.keys()),
                "user verification flag missing", authenticator.assertion(challenge, SoftwareAuthenticator.ORIGIN,
                        SoftwareAuthenticator.RP_ID, SoftwareAuthenticator.UP, authenticator.keys()),
                "user presence flag missing", authenticator.assertion(challenge, SoftwareAuthenticator.ORIGIN,
                        SoftwareAuthenticator.RP_ID, SoftwareAuthenticator.UV, authenticator.keys()),
                "signature does not verify", authenticator.assertion(challenge, SoftwareAuthenticator.ORIGIN,
                        SoftwareAuthenticator.RP_ID, both, SoftwareAuthenticator.otherKeys()));
        forgeries.forEach((reason, forged) -> confirm(alice, "bob", 900, forged).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID")).body("detail", containsString(reason)));
        Map<String, Object> unknownCredential = new HashMap<>(authenticator.assertion(challenge));
        unknownCredential.put("credentialId", new SoftwareAuthenticator().credentialId());
        confirm(alice, "bob", 900, unknownCredential).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"));
        // another user's challenge cannot be answered by alice's device
        SoftwareAuthenticator bobs = new SoftwareAuthenticator();
        String bob = userWithDevice(bobs);
        String bobsChallenge = paymentChallenge(bob, "carol", 900);
        confirm(alice, "carol", 900, authenticator.assertion(bobsChallenge)).then().statusCode(403);
        confirm(alice, "bob", 900, authenticator.assertion(challenge)).then().statusCode(201);
    }

    @Test
    void shouldRefuseAnExpiredPaymentChallenge() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String challenge = paymentChallenge(alice, "bob", 300);
        clock.advance(Duration.ofMinutes(6));
        confirm(alice, "bob", 300, authenticator.assertion(challenge)).then().statusCode(403)
                .body("code", equalTo("AUTHORIZATION_ASSERTION_INVALID"))
                .body("detail", containsString("expired challenge"));
    }

    @Test
    void shouldRequireThePinAndAVerifyingAttestationToEnrolADevice() {
        String alice = activeUser();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String challenge = registrationChallenge(alice);
        as(alice).body(authenticator.register(challenge, "Pixel", "9051")).post("/v1/me/devices").then()
                .statusCode(403).body("code", equalTo("PIN_INVALID")).body("attemptsRemaining", equalTo(2));
        as(alice).body(authenticator.register("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Pixel", PIN))
                .post("/v1/me/devices").then().statusCode(400).body("code", equalTo("DEVICE_REGISTRATION_INVALID"));
        as(alice).body(authenticator.register(challenge, "Pixel", PIN, "https://evil.test",
                        SoftwareAuthenticator.RP_ID))
                .post("/v1/me/devices").then().statusCode(400).body("code", equalTo("DEVICE_REGISTRATION_INVALID"))
                .body("detail", containsString("origin not accepted"));
        as(alice).body(authenticator.register(challenge, "Pixel", PIN, SoftwareAuthenticator.ORIGIN, "evil.test"))
                .post("/v1/me/devices").then().statusCode(400).body("code", equalTo("DEVICE_REGISTRATION_INVALID"))
                .body("detail", containsString("rpId hash does not match"));
        String bobsChallenge = registrationChallenge(activeUser());
        as(alice).body(authenticator.register(bobsChallenge, "Pixel", PIN)).post("/v1/me/devices").then()
                .statusCode(400).body("code", equalTo("DEVICE_REGISTRATION_INVALID"));
        as(alice).get("/v1/me/devices").then().body("items", hasSize(0));

        as(alice).body(authenticator.register(challenge, "Pixel", PIN)).post("/v1/me/devices").then().statusCode(201);
        as(alice).body(authenticator.register(challenge, "Pixel", PIN)).post("/v1/me/devices").then().statusCode(400);
        as(alice).body(authenticator.register(registrationChallenge(alice), "Pixel", PIN)).post("/v1/me/devices")
                .then().statusCode(409).body("code", equalTo("DEVICE_ALREADY_REGISTERED"));
    }

    @Test
    void shouldEnrolOnlyForActivePaymentsAndKeepDevicesPrivate() {
        String pending = userAtSmsStep();
        as(pending).post("/v1/me/devices/registration-options").then().statusCode(409)
                .body("code", equalTo("PAYER_NOT_ACTIVE"));
        given().post("/v1/me/devices/registration-options").then().statusCode(401);
        given().get("/v1/me/devices").then().statusCode(401);

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String deviceId = as(alice).get("/v1/me/devices").then().extract().path("items[0].deviceId");
        String mallory = newUser();
        as(mallory).get("/v1/me/devices").then().statusCode(200).body("items", hasSize(0));
        as(mallory).delete("/v1/me/devices/" + deviceId).then().statusCode(404);
        as(alice).delete("/v1/me/devices/" + deviceId).then().statusCode(204);
        as(alice).get("/v1/me/devices").then().body("items", hasSize(0));
        as(alice).body(Map.of("payeeId", "bob", "amount", amount(100))).post("/v1/payment-authorizations/options")
                .then().statusCode(409).body("code", equalTo("DEVICE_NOT_REGISTERED"));
    }

    @Test
    void shouldAcceptExactlyOneProofOfThePayer() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String alice = userWithDevice(authenticator);
        String challenge = paymentChallenge(alice, "bob", 100);
        as(alice).body(Map.of("payeeId", "bob", "amount", amount(100), "pin", PIN,
                        "assertion", authenticator.assertion(challenge)))
                .post("/v1/payment-authorizations").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(alice).body(Map.of("payeeId", "bob", "amount", amount(100), "assertion", Map.of("credentialId", "abc")))
                .post("/v1/payment-authorizations").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(alice).body(Map.of("payeeId", alice, "amount", amount(100))).post("/v1/payment-authorizations/options")
                .then().statusCode(400).body("code", equalTo("SELF_PAYMENT"));
    }
}
