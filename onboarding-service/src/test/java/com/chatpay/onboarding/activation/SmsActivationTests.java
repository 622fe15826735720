package com.chatpay.onboarding.activation;

import static com.chatpay.onboarding.testing.OnboardingApi.requestSms;
import static com.chatpay.onboarding.testing.OnboardingApi.smsCode;
import static com.chatpay.onboarding.testing.OnboardingApi.status;
import static com.chatpay.onboarding.testing.OnboardingApi.userAtSmsStep;
import static com.chatpay.onboarding.testing.OnboardingApi.verify;
import static com.chatpay.onboarding.testing.OnboardingApi.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.testsupport.MutableClock;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmsActivationTests {

    @Inject
    MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void shouldCountWrongCodesThenExhaustTheCode() {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        String code = smsCode(user, 1);
        for (int remaining = 4; remaining >= 0; remaining--) {
            verify(user, wrongCode(code)).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("SMS_CODE_INVALID")).body("attemptsRemaining", equalTo(remaining));
        }
        verify(user, code).then().statusCode(400).body("code", equalTo("SMS_CODE_EXHAUSTED"));
        assertThat(status(user)).isEqualTo("SMS_VERIFICATION_REQUIRED");

        clock.advance(Duration.ofSeconds(61));
        requestSms(user).then().statusCode(202);
        String second = smsCode(user, 2);
        verify(user, code.equals(second) ? wrongCode(second) : code).then().statusCode(400)
                .body("code", equalTo("SMS_CODE_INVALID"));
        verify(user, second).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldExpireCodesAfterTenMinutes() {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        String code = smsCode(user, 1);
        clock.advance(Duration.ofMinutes(10));
        verify(user, code).then().statusCode(400).body("code", equalTo("SMS_CODE_EXPIRED"));
        assertThat(status(user)).isEqualTo("SMS_VERIFICATION_REQUIRED");
    }

    @Test
    void shouldAcceptACodeOnlyOnceAndOnlyTheNewest() {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        String first = smsCode(user, 1);
        clock.advance(Duration.ofSeconds(60));
        requestSms(user).then().statusCode(202);
        String second = smsCode(user, 2);
        if (!first.equals(second)) {
            verify(user, first).then().statusCode(400).body("code", equalTo("SMS_CODE_INVALID"));
        }
        verify(user, second).then().statusCode(200).body("status", equalTo("ACTIVE"));
        verify(user, second).then().statusCode(409);
    }

    @Test
    void shouldEnforceTheResendCooldownWithRetryAfter() {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        requestSms(user).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("SMS_RATE_LIMITED")).header("Retry-After", "60");
        clock.advance(Duration.ofSeconds(45));
        requestSms(user).then().statusCode(429).header("Retry-After", "15");
        clock.advance(Duration.ofSeconds(15));
        requestSms(user).then().statusCode(202);
    }

    @Test
    void shouldSendAtMostFiveCodesPerDay() throws Exception {
        String user = userAtSmsStep();
        for (int i = 0; i < 5; i++) {
            requestSms(user).then().statusCode(202);
            clock.advance(Duration.ofSeconds(61));
        }
        // the first code leaves the 24-hour window 24 h after it was sent: 5 × 61 s ago
        requestSms(user).then().statusCode(429).body("code", equalTo("SMS_RATE_LIMITED"))
                .header("Retry-After", String.valueOf(Duration.ofHours(24).minusSeconds(5 * 61).toSeconds()));
        clock.advance(Duration.ofHours(24).minusSeconds(5 * 61));
        requestSms(user).then().statusCode(202);
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*), count(*) FILTER (WHERE status = 'PENDING') FROM sms_challenge WHERE user_id = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
                assertThat(rs.getInt(2)).as("older codes are superseded").isEqualTo(1);
            }
        }
    }

    @Test
    void shouldStoreCodesOnlyAsKeyedHashes() throws Exception {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        String code = smsCode(user, 1);
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT * FROM sms_challenge WHERE user_id = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    String text = value instanceof byte[] bytes
                            ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                                    + java.util.HexFormat.of().formatHex(bytes)
                            : String.valueOf(value);
                    assertThat(text).as(rs.getMetaData().getColumnName(i)).doesNotContain(code);
                }
                assertThat((byte[]) rs.getObject("code_hash")).hasSize(32);
            }
        }
    }
}
