package com.chatpay.onboarding.rollout;

import static com.chatpay.onboarding.testing.OnboardingApi.PIN;
import static com.chatpay.onboarding.testing.OnboardingApi.VISA;
import static com.chatpay.onboarding.testing.OnboardingApi.addCard;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.onboardingEvents;
import static com.chatpay.onboarding.testing.OnboardingApi.requestSms;
import static com.chatpay.onboarding.testing.OnboardingApi.setPin;
import static com.chatpay.onboarding.testing.OnboardingApi.smsCode;
import static com.chatpay.onboarding.testing.OnboardingApi.status;
import static com.chatpay.onboarding.testing.OnboardingApi.verify;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.Topics;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The country rollout, on US users (the other component tests onboard French users, whose country stays at 100 %). */
@QuarkusTest
class RolloutTests {

    private static final String OPS = "ops-rollout";

    @AfterEach
    void reopenUs() {
        putRollout("US", true, 100).statusCode(200);
    }

    private static ValidatableResponse putRollout(String country, boolean enabled, int percentage) {
        return given().header("Authorization", TestTokens.opsBearer(OPS)).contentType(ContentType.JSON)
                .body(Map.of("enabled", enabled, "percentage", percentage))
                .put("/v1/ops/rollout/" + country).then();
    }

    /** A new user id whose US bucket satisfies {@code wanted}. */
    private static String usUserWithBucket(IntPredicate wanted) {
        while (true) {
            String id = "user-" + UUID.randomUUID();
            if (wanted.test(RolloutPolicy.bucket("US", id))) {
                return id;
            }
        }
    }

    /** Profile, card, PIN and SMS code: every step a US user can take. */
    private static void onboardInUs(String user) {
        as(user).body(Map.of("firstName", "Ann", "lastName", "O'Neil",
                        "address", Map.of("line1", "1 Market St", "postalCode", "94105", "city", "San Francisco",
                                "country", "US"),
                        "phoneNumber", "+14155550100"))
                .put("/v1/me/profile").then().statusCode(200);
        addCard(user, VISA).then().statusCode(201);
        setPin(user, PIN).then().statusCode(200);
        requestSms(user).then().statusCode(202);
        verify(user, smsCode(user, 1)).then().statusCode(200);
    }

    private static boolean published(String user, String type, Duration wait) {
        return !TestKafka.records(Topics.ONBOARDING_EVENTS,
                v -> v.contains("\"" + user + "\"") && v.contains("\"type\":\"" + type + "\""), 1, wait).isEmpty();
    }

    @Test
    void shouldSeedTheLaunchCountriesOpenToEverybody() {
        given().header("Authorization", TestTokens.opsBearer(OPS)).get("/v1/ops/rollout/FR").then().statusCode(200)
                .body("country", equalTo("FR")).body("enabled", equalTo(true)).body("percentage", equalTo(100));
    }

    @Test
    void shouldLetOnlyOpsReadAndChangeTheRollout() {
        given().get("/v1/ops/rollout/FR").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("alice")).get("/v1/ops/rollout/FR").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "percentage", 1)).put("/v1/ops/rollout/FR").then().statusCode(403);
    }

    @Test
    void shouldRefuseABadSetting() {
        putRollout("US", true, 101).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        putRollout("US", true, -1).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        putRollout("DE", true, 10).statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("country"));
        given().header("Authorization", TestTokens.opsBearer(OPS)).contentType(ContentType.JSON)
                .body(Map.of("percentage", 10)).put("/v1/ops/rollout/US").then().statusCode(400);
    }

    @Test
    void shouldAuditWhoChangedWhatFromWhat() throws Exception {
        putRollout("US", true, 30).statusCode(200).body("percentage", equalTo(30)).body("updatedBy", equalTo(OPS));
        given().header("Authorization", TestTokens.opsBearer(OPS)).get("/v1/ops/rollout/us").then().statusCode(200)
                .body("enabled", equalTo(true)).body("percentage", equalTo(30));
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT old_enabled, old_percentage, new_enabled, new_percentage, changed_by, changed_at "
                        + "FROM country_rollout_change WHERE country = 'US' AND new_percentage = 30")) {
            ResultSet row = s.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("old_enabled")).isTrue();
            assertThat(row.getInt("old_percentage")).isEqualTo(100);
            assertThat(row.getBoolean("new_enabled")).isTrue();
            assertThat(row.getInt("new_percentage")).isEqualTo(30);
            assertThat(row.getString("changed_by")).isEqualTo(OPS);
            assertThat(row.getTimestamp("changed_at")).isNotNull();
        }
    }

    @Test
    void shouldComputeTheSameBucketInTheDatabaseAsInJava() throws Exception {
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT rollout_bucket(?, ?)")) {
            for (int i = 0; i < 300; i++) {
                String id = i % 3 == 0 ? "user-" + UUID.randomUUID() : "üsér-" + i;
                String country = i % 2 == 0 ? "FR" : "US";
                s.setString(1, country);
                s.setString(2, id);
                ResultSet row = s.executeQuery();
                row.next();
                assertThat(row.getInt(1)).as(id).isEqualTo(RolloutPolicy.bucket(country, id));
            }
        }
    }

    @Test
    void shouldActivateAUserInsideThePercentage() {
        putRollout("US", true, 10).statusCode(200);
        String user = usUserWithBucket(b -> b < 1000);
        onboardInUs(user);
        assertThat(status(user)).isEqualTo("ACTIVE");
        assertThat(onboardingEvents(user, "PaymentsActivated", 1)).hasSize(1);
    }

    @Test
    void shouldKeepAnOutOfRolloutUserWaitingAndActivateThemWhenThePercentageIsRaised() {
        putRollout("US", true, 10).statusCode(200);
        String inAtFifty = usUserWithBucket(b -> b >= 1000 && b < 5000);
        String outAtFifty = usUserWithBucket(b -> b >= 5000);
        onboardInUs(inAtFifty);
        onboardInUs(outAtFifty);
        for (String user : new String[] {inAtFifty, outAtFifty}) {
            as(user).get("/v1/me/onboarding").then().statusCode(200)
                    .body("status", equalTo("NOT_AVAILABLE_IN_COUNTRY"))
                    .body("nextStep", org.hamcrest.Matchers.nullValue());
            requestSms(user).then().statusCode(409).body("code", equalTo("NOT_AVAILABLE_IN_COUNTRY"));
            as(user).body(Map.of("payeeId", "bob", "amount", Map.of("value", 100, "currency", "USD"), "pin", PIN))
                    .post("/v1/payment-authorizations").then().statusCode(409)
                    .body("code", equalTo("PAYER_NOT_ACTIVE"));
        }
        assertThat(published(inAtFifty, "PaymentsActivated", Duration.ofSeconds(2))).isFalse();
        given().header("Authorization", TestTokens.opsBearer(OPS)).get("/v1/ops/users/" + inAtFifty).then()
                .statusCode(200).body("status", equalTo("NOT_AVAILABLE_IN_COUNTRY"));
        given().header("Authorization", TestTokens.bearer(inAtFifty)).get("/v1/ops/users/" + inAtFifty).then()
                .statusCode(403);

        putRollout("US", true, 50).statusCode(200);
        assertThat(status(inAtFifty)).isEqualTo("ACTIVE");
        assertThat(status(outAtFifty)).isEqualTo("NOT_AVAILABLE_IN_COUNTRY");
        PaymentsActivated activated = EventCodec.payload(
                onboardingEvents(inAtFifty, "PaymentsActivated", 1).get(0), PaymentsActivated.class);
        assertThat(activated.country()).isEqualTo("US");
        assertThat(activated.currency()).isEqualTo("USD");
        assertThat(activated.cardToken()).isNotBlank();
        assertThat(published(outAtFifty, "PaymentsActivated", Duration.ofSeconds(1))).isFalse();

        putRollout("US", true, 100).statusCode(200);
        assertThat(status(outAtFifty)).isEqualTo("ACTIVE");
        assertThat(onboardingEvents(outAtFifty, "PaymentsActivated", 1)).hasSize(1);
        putRollout("US", true, 100).statusCode(200);
        assertThat(TestKafka.records(Topics.ONBOARDING_EVENTS,
                v -> v.contains("\"" + inAtFifty + "\"") && v.contains("\"type\":\"PaymentsActivated\""), 2,
                Duration.ofSeconds(2))).as("activated once").hasSize(1);
    }

    @Test
    void shouldActivateWaitingUsersInTheBackgroundSweep() throws Exception {
        putRollout("US", true, 10).statusCode(200);
        String user = usUserWithBucket(b -> b >= 1000 && b < 5000);
        onboardInUs(user);
        assertThat(status(user)).isEqualTo("NOT_AVAILABLE_IN_COUNTRY");
        // the setting changes without the change's own sweep (as when that batch stopped at its bound)
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "UPDATE country_rollout SET percentage = 50 WHERE country = 'US'")) {
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(status(user)));
        assertThat(onboardingEvents(user, "PaymentsActivated", 1)).hasSize(1);
    }

    @Test
    void shouldNotActivateAnybodyInADisabledCountry() {
        putRollout("US", false, 100).statusCode(200).body("enabled", equalTo(false));
        String user = usUserWithBucket(b -> true);
        onboardInUs(user);
        assertThat(status(user)).isEqualTo("NOT_AVAILABLE_IN_COUNTRY");
        assertThat(published(user, "PaymentsActivated", Duration.ofSeconds(2))).isFalse();
        putRollout("US", true, 100).statusCode(200);
        assertThat(status(user)).isEqualTo("ACTIVE");
    }
}
