package com.chatpay.onboarding.security;

import static com.chatpay.onboarding.testing.OnboardingApi.MASTERCARD;
import static com.chatpay.onboarding.testing.OnboardingApi.PIN;
import static com.chatpay.onboarding.testing.OnboardingApi.VISA;
import static com.chatpay.onboarding.testing.OnboardingApi.addCard;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.requestSms;
import static com.chatpay.onboarding.testing.OnboardingApi.smsCode;
import static com.chatpay.onboarding.testing.OnboardingApi.userAtSmsStep;
import static com.chatpay.onboarding.testing.OnboardingApi.verify;
import static com.chatpay.onboarding.testing.OnboardingApi.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.Topics;
import com.chatpay.testsupport.SoftwareAuthenticator;
import com.chatpay.testsupport.MutableClock;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a run through every step that handles a secret (cards, PIN set/checked/wrong, SMS codes right and wrong,
 * device enrolment, payment authorizations), nothing of the service's database or of the topics it writes holds a
 * test PAN, the PIN or an SMS code in clear.
 */
@QuarkusTest
class SecretsInClearTests {

    @Inject
    MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    /** A secret as a standalone token: not part of a longer run of digits, hex or id characters. */
    private static Pattern token(String secret) {
        return Pattern.compile("(?<![0-9A-Za-z-])" + Pattern.quote(secret) + "(?![0-9A-Za-z-])");
    }

    @Test
    void shouldFindNoPanPinOrSmsCodeInTheDatabaseOrTheTopics() throws Exception {
        String user = userAtSmsStep();
        requestSms(user).then().statusCode(202);
        String code = smsCode(user, 1);
        verify(user, wrongCode(code)).then().statusCode(400);
        verify(user, code).then().statusCode(200);
        addCard(user, MASTERCARD).then().statusCode(201);
        as(user).body(Map.of("payeeId", "bob", "amount", Map.of("value", 1200, "currency", "EUR"), "pin", PIN))
                .post("/v1/payment-authorizations").then().statusCode(201);
        as(user).body(Map.of("payeeId", "bob", "amount", Map.of("value", 1200, "currency", "EUR"), "pin", "9051"))
                .post("/v1/payment-authorizations").then().statusCode(403);
        String challenge = as(user).post("/v1/me/devices/registration-options").then().statusCode(200).extract()
                .path("challenge");
        as(user).body(new SoftwareAuthenticator().register(challenge, "Phone", PIN)).post("/v1/me/devices").then()
                .statusCode(201);

        List<String> pans = new ArrayList<>();
        for (String pan : List.of(VISA, MASTERCARD)) {
            String digits = pan.replace(" ", "");
            pans.add(digits);
            pans.add(pan);
            pans.add(digits.substring(0, 12));
        }
        List<Pattern> secrets = new ArrayList<>();
        pans.forEach(p -> secrets.add(Pattern.compile(Pattern.quote(p))));
        secrets.add(token(PIN));
        secrets.add(token(code));
        secrets.add(token(wrongCode(code)));

        List<String> probe = new ArrayList<>();
        check("{\"number\":\"" + VISA.replace(" ", "") + "\",\"pin\":\"" + PIN + "\"}", secrets, "probe", probe);
        check(bytes(("code " + code + ".").getBytes(StandardCharsets.ISO_8859_1)), secrets, "probe", probe);
        assertThat(probe).as("the scan recognises secrets in clear").hasSize(4);

        List<String> found = new ArrayList<>();
        int rows = 0;
        try (Connection c = TestInfrastructure.jdbc(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                    + "AND table_name <> 'flyway_schema_history'")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            assertThat(tables).contains("payment_profile", "card", "sms_challenge", "outbox_event", "device",
                    "webauthn_challenge", "payment_authorization");
            for (String table : tables) {
                try (Statement q = c.createStatement(); ResultSet r = q.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        rows++;
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String value = "bytea".equals(meta.getColumnTypeName(i))
                                    ? bytes(r.getBytes(i)) : r.getString(i);
                            check(value, secrets, table + "." + meta.getColumnName(i), found);
                        }
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(10);

        int records = 0;
        for (String topic : List.of(Topics.ONBOARDING_EVENTS, Topics.ONBOARDING_SMS)) {
            List<ConsumerRecord<String, String>> all = TestKafka.records(topic, v -> true, Integer.MAX_VALUE,
                    Duration.ofSeconds(4));
            records += all.size();
            for (ConsumerRecord<String, String> record : all) {
                check(record.key(), secrets, topic + " key", found);
                check(record.value(), secrets, topic + " value", found);
            }
        }
        assertThat(records).isGreaterThan(2);
        assertThat(found).isEmpty();
    }

    private static String bytes(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.ISO_8859_1);
    }

    private static void check(String value, List<Pattern> secrets, String where, List<String> found) {
        if (value == null) {
            return;
        }
        for (Pattern secret : secrets) {
            if (secret.matcher(value).find()) {
                // never print the value itself: name where, and which kind of secret
                found.add(where + " holds a secret in clear (pattern #" + secrets.indexOf(secret) + ")");
            }
        }
    }
}
