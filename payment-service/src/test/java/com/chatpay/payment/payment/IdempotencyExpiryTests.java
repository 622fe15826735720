package com.chatpay.payment.payment;

import static com.chatpay.payment.testing.PaymentFixtures.body;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.post;
import static com.chatpay.payment.testing.PaymentFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.payment.testing.AuthorizationTokens;
import com.chatpay.payment.testing.OnVertx;
import io.vertx.core.Vertx;
import com.chatpay.payment.testing.TestClockProducer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Keys are remembered for 24 h (the test clock crosses that line), then forgotten and purged. */
@QuarkusTest
class IdempotencyExpiryTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");

    @Inject
    IdempotencyKeyPurger purger;

    @Inject
    Vertx vertx;

    @AfterEach
    void resetClock() {
        TestClockProducer.CLOCK.reset();
    }

    private Map<String, Object> bodyAt(long amount, Instant issuedAt) {
        return body(payee, amount, null,
                AuthorizationTokens.token(payer, payee, amount, "EUR").issuedAt(issuedAt).sign());
    }

    @Test
    void shouldTreatAKeyOlderThan24HoursAsANewKey() {
        Instant now = Instant.now();
        TestClockProducer.CLOCK.setNow(now.minus(Duration.ofHours(24).plusMinutes(1)));
        Map<String, Object> first = bodyAt(2000, TestClockProducer.CLOCK.instant());
        String firstId = post(payer, "rent", first).then().statusCode(202).extract().path("paymentId");

        TestClockProducer.CLOCK.setNow(now.minus(Duration.ofMinutes(3)));
        post(payer, "rent", first).then().statusCode(202).body("paymentId", equalTo(firstId));
        post(payer, "rent", bodyAt(2500, TestClockProducer.CLOCK.instant()))
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        TestClockProducer.CLOCK.reset();
        Map<String, Object> second = bodyAt(2500, Instant.now());
        String secondId = post(payer, "rent", second).then().statusCode(202)
                .body("amount.value", equalTo(2500)).extract().path("paymentId");

        assertThat(secondId).isNotEqualTo(firstId);
        post(payer, "rent", second).then().statusCode(202).body("paymentId", equalTo(secondId));
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE payer_id = ? AND payment_id = ?::uuid",
                payer, secondId)).isEqualTo(1);
    }

    @Test
    void shouldPurgeExpiredKeysInBatchesAndKeepLiveOnes() {
        Instant now = Instant.now();
        TestClockProducer.CLOCK.setNow(now.minus(Duration.ofHours(25)));
        post(payer, "old-1", bodyAt(100, TestClockProducer.CLOCK.instant())).then().statusCode(202);
        post(payer, "old-2", bodyAt(200, TestClockProducer.CLOCK.instant())).then().statusCode(202);
        for (int i = 0; i < 7; i++) {
            insertRecord("older-" + i, now.minus(Duration.ofDays(2)));
        }
        insertRecord("fresh", now.minus(Duration.ofHours(23)));

        TestClockProducer.CLOCK.reset();
        OnVertx.await(vertx, purger::purge, Duration.ofSeconds(30));

        assertThat(count("SELECT count(*) FROM idempotency_record WHERE payer_id = ?", payer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE payer_id = ? AND idempotency_key = 'fresh'",
                payer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment WHERE payer_id = ?", payer)).isEqualTo(2);
    }

    private void insertRecord(String key, Instant createdAt) {
        update("INSERT INTO idempotency_record (payer_id, idempotency_key, request_hash, payment_id, response_status,"
                + " response_body, created_at) VALUES (?, ?, 'h', ?, 202, '{}', ?)",
                payer, key, UUID.randomUUID(), Timestamp.from(createdAt));
    }
}
