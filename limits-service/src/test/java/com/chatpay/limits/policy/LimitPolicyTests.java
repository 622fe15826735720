package com.chatpay.limits.policy;

import static com.chatpay.limits.usage.LimitsTestEvents.decide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ops change a country's limits at run time; the next decision uses them and the change is audited. */
@QuarkusTest
class LimitPolicyTests {

    private static Map<String, Object> policy(String country, long perPayment, long window) {
        return Map.of("currency", "USD",
                "perPaymentMax", Map.of("value", perPayment, "currency", "USD"),
                "windowMax", Map.of("value", window, "currency", "USD"),
                "window", "P30D", "timeZone", "America/New_York");
    }

    @Test
    void shouldShowTheSeededFrenchPolicyToOpsOnly() {
        given().header("Authorization", TestTokens.opsBearer("olivia")).get("/v1/ops/limit-policies/FR").then()
                .statusCode(200)
                .body("perPaymentMax.value", equalTo(50_000))
                .body("windowMax.value", equalTo(150_000))
                .body("window", equalTo("P30D"));
        given().header("Authorization", TestTokens.bearer("alice")).get("/v1/ops/limit-policies/FR").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", TestTokens.opsBearer("olivia")).get("/v1/ops/limit-policies/ZZ").then()
                .statusCode(404);
    }

    @Test
    void shouldApplyAChangedPolicyToTheNextDecisionAndAuditIt() throws Exception {
        // US is only used by this test, so changing it cannot disturb the others
        given().header("Authorization", TestTokens.opsBearer("olivia")).contentType(ContentType.JSON)
                .body(policy("US", 100_000, 300_000)).put("/v1/ops/limit-policies/US").then()
                .statusCode(200).body("perPaymentMax.value", equalTo(100_000)).body("updatedBy", equalTo("olivia"));
        assertThat(decide("US", 80_000, "USD")).isEqualTo("LimitReserved");

        given().header("Authorization", TestTokens.opsBearer("oscar")).contentType(ContentType.JSON)
                .body(policy("US", 50_000, 150_000)).put("/v1/ops/limit-policies/US").then().statusCode(200);
        assertThat(decide("US", 80_000, "USD")).isEqualTo("LimitRejected");

        try (Connection db = TestInfrastructure.jdbc();
                PreparedStatement q = db.prepareStatement("SELECT changed_by, old_policy, new_policy FROM "
                        + "limit_policy_audit WHERE country = 'US' ORDER BY changed_at")) {
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("olivia");
                assertThat(rs.getString(2)).contains("\"value\":50000");
                assertThat(rs.getString(3)).contains("\"value\":100000");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("oscar");
            }
        }
    }

    @Test
    void shouldRefuseAnInconsistentPolicyWithFieldErrors() {
        given().header("Authorization", TestTokens.opsBearer("olivia")).contentType(ContentType.JSON)
                .body(policy("US", 200_000, 100_000)).put("/v1/ops/limit-policies/US").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("windowMax.value"));
        given().header("Authorization", TestTokens.opsBearer("olivia")).contentType(ContentType.JSON)
                .body(Map.of("currency", "USD", "perPaymentMax", Map.of("value", 1, "currency", "USD"),
                        "windowMax", Map.of("value", 2, "currency", "USD"), "window", "P1M"))
                .put("/v1/ops/limit-policies/US").then()
                .statusCode(400).body("errors[0].field", equalTo("window"));
    }
}
