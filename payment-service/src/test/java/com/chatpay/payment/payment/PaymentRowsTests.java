package com.chatpay.payment.payment;

import static com.chatpay.payment.testing.PaymentFixtures.body;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.post;
import static com.chatpay.payment.testing.PaymentFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.money.Money;
import com.chatpay.payment.testing.AuthorizationTokens;
import com.chatpay.payment.testing.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payments read and written in plain SQL agree with what Hibernate maps, and keep the optimistic version. */
@QuarkusTest
class PaymentRowsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    PaymentRows rows;
    @Inject
    PaymentRepository repository;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    private final String payer = newUser("rows-payer");
    private final String payee = newUser("rows-payee");

    @Test
    void shouldReadEveryColumnAsHibernateDoes() {
        UUID id = pendingPayment("for the pizza");
        Instant expires = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MICROS);
        Instant retry = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        update("UPDATE payment SET reason = 'SOME_REASON', expires_at = ?, network_retry_at = ?, version = 4"
                + " WHERE id = ?", Timestamp.from(expires), Timestamp.from(retry), id);

        Payment plain = OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.lockForUpdate(c, id)), TIMEOUT);
        Payment mapped = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT);

        assertThat(state(plain)).isEqualTo(state(mapped));
        assertThat(plain.message()).isEqualTo("for the pizza");
        assertThat(plain.expiresAt()).isEqualTo(expires);
        assertThat(plain.networkRetryAt()).isEqualTo(retry);
        assertThat(plain.version()).isEqualTo(4);
    }

    @Test
    void shouldAnswerNullForAnUnknownPayment() {
        Payment none = OnVertx.await(vertx,
                () -> pool.withTransaction(c -> rows.lockForUpdate(c, UUID.randomUUID())), TIMEOUT);
        assertThat(none).isNull();
    }

    @Test
    void shouldWriteWhatATransitionChangedAndMoveTheVersionOn() {
        UUID id = pendingPayment(null);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        long[] readWith = new long[1];
        Payment rejected = OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.lockForUpdate(c, id)
                .call(payment -> {
                    readWith[0] = payment.version();
                    payment.retryNetworkAt(at.plusSeconds(30));
                    return rows.save(c, payment);
                })
                .call(payment -> {
                    // saved again in the same transaction: the version it holds is the row's
                    payment.reject("LIMIT_30_DAYS", new Money(100, "EUR"), at);
                    return rows.save(c, payment);
                })), TIMEOUT);

        Payment mapped = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT);
        assertThat(mapped.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(mapped.reason()).isEqualTo("LIMIT_30_DAYS");
        assertThat(mapped.updatedAt()).isEqualTo(at);
        assertThat(mapped.networkRetryAt()).isNull();
        assertThat(mapped.version()).isEqualTo(readWith[0] + 2).isEqualTo(rejected.version());
        assertThat(state(mapped).subList(0, 7)).isEqualTo(state(rejected).subList(0, 7));
    }

    @Test
    void shouldRefuseToWriteOverAVersionItDidNotRead() {
        UUID id = pendingPayment(null);
        Payment stale = OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.lockForUpdate(c, id)), TIMEOUT);
        update("UPDATE payment SET version = version + 1 WHERE id = ?", id);

        stale.retryNetworkAt(Instant.now());
        assertThatThrownBy(() -> OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.save(c, stale)), TIMEOUT))
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT count(*) FROM payment WHERE id = ? AND network_retry_at IS NULL", id)).isEqualTo(1);
    }

    /**
     * A PENDING payment's card step is claimed once while it is due: the claim reschedules it and moves the version
     * on, so a second claim finds it not due, and only a claimant writing with the claimed version writes. (Due an
     * hour ahead: the retry sweeper of this application leaves it alone.)
     */
    @Test
    void shouldClaimADueStepOnceAndWriteOnlyWhatTheClaimantSaves() {
        UUID id = pendingPayment(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant due = now.plus(Duration.ofHours(1));
        assertThat(claim(id, due, due.plusSeconds(30))).as("not due: limits have not reserved it").isNull();
        update("UPDATE payment SET network_retry_at = ? WHERE id = ?", Timestamp.from(due), id);

        Payment claimed = claim(id, due, due.plusSeconds(30));
        assertThat(claimed).isNotNull();
        assertThat(claimed.networkRetryAt()).isEqualTo(due.plusSeconds(30));
        assertThat(claim(id, due, due.plusSeconds(30))).as("claimed: due only once the claim lapses").isNull();
        Payment retaken = claim(id, due.plusSeconds(30), due.plusSeconds(60));
        assertThat(retaken).as("the claim lapsed").isNotNull();
        assertThat(retaken.version()).isEqualTo(claimed.version() + 1);

        claimed.fail("CARD_DECLINED", now);
        assertThat(saveIfUnchanged(claimed)).as("taken over: the first claimant writes nothing").isFalse();
        assertThat(reschedule(claimed, now)).isFalse();
        retaken.fail("INSUFFICIENT_FUNDS", now);
        assertThat(saveIfUnchanged(retaken)).isTrue();
        Payment mapped = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT);
        assertThat(mapped.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(mapped.reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(mapped.version()).isEqualTo(retaken.version());
        assertThat(claim(id, due.plusSeconds(3600), due)).as("only a PENDING payment's step is claimed").isNull();
    }

    /** A claimant whose step turns out due again writes the new due time over the row as claimed, nothing else. */
    @Test
    void shouldRescheduleAClaimedStepKeepingTheStateItWasClaimedIn() {
        UUID id = pendingPayment(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant due = now.plus(Duration.ofHours(1));
        update("UPDATE payment SET network_retry_at = ? WHERE id = ?", Timestamp.from(due), id);
        Payment claimed = claim(id, due, due.plusSeconds(30));

        claimed.awaitPayee(now.plus(Duration.ofDays(7)), now);
        assertThat(reschedule(claimed, due.plusSeconds(1))).isTrue();

        Payment mapped = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT);
        assertThat(mapped.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(mapped.expiresAt()).isNull();
        assertThat(mapped.networkRetryAt()).isEqualTo(due.plusSeconds(1));
        assertThat(mapped.version()).isEqualTo(claimed.version() + 1);
    }

    /**
     * The decision that reserves a payment claims its card step in one statement, only while the payment awaits that
     * decision: a second reservation (a redelivery), a decided payment and an unknown one claim nothing.
     */
    @Test
    void shouldClaimAReservedPaymentOnlyWhileItAwaitsItsLimitsDecision() {
        UUID id = pendingPayment(null);
        Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        long version = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT).version();

        Payment claimed = claimReserved(id, until);
        assertThat(claimed).isNotNull();
        assertThat(claimed.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(claimed.networkRetryAt()).isEqualTo(until);
        assertThat(claimed.version()).isEqualTo(version + 1);
        assertThat(claimed.awaitsLimitsDecision()).isFalse();
        assertThat(claimReserved(id, until.plusSeconds(30))).as("claimed already: a second reservation").isNull();
        Payment mapped = OnVertx.await(vertx, () -> repository.findById(id), TIMEOUT);
        assertThat(state(mapped)).isEqualTo(state(claimed));

        UUID rejected = pendingPayment(null);
        update("UPDATE payment SET status = 'REJECTED', reason = 'LIMIT_30_DAYS' WHERE id = ?", rejected);
        assertThat(claimReserved(rejected, until)).as("decided").isNull();
        assertThat(count("SELECT count(*) FROM payment WHERE id = ? AND network_retry_at IS NULL", rejected))
                .isEqualTo(1);
        assertThat(claimReserved(UUID.randomUUID(), until)).as("unknown").isNull();
    }

    private Payment claimReserved(UUID id, Instant until) {
        return OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.claimReserved(c, id, until)), TIMEOUT);
    }

    private Payment claim(UUID id, Instant dueBy, Instant until) {
        return OnVertx.await(vertx, () -> rows.claimStep(pool, id, dueBy, until), TIMEOUT);
    }

    private boolean reschedule(Payment claimed, Instant at) {
        Boolean rescheduled = OnVertx.await(vertx,
                () -> pool.withTransaction(c -> rows.rescheduleIfUnchanged(c, claimed, at)), TIMEOUT);
        return rescheduled;
    }

    private boolean saveIfUnchanged(Payment payment) {
        return OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.saveIfUnchanged(c, payment)), TIMEOUT);
    }

    private UUID pendingPayment(String message) {
        String token = AuthorizationTokens.token(payer, payee, 1200, "EUR").sign();
        return UUID.fromString(post(payer, UUID.randomUUID().toString(), body(payee, 1200, message, token))
                .then().statusCode(202).extract().path("paymentId"));
    }

    private static List<Object> state(Payment p) {
        return Arrays.asList(p.id(), p.payerId(), p.payeeId(), p.conversationId(), p.amount(), p.message(),
                p.payerCountry(), p.status(), p.reason(), p.expiresAt(), p.createdAt(), p.updatedAt(),
                p.networkRetryAt(), p.version());
    }
}
