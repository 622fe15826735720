package com.chatpay.payment.ledger;

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
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Postings booked in plain SQL, several in one statement, are the rows Hibernate's {@link Ledger} reads, and keep the
 * ledger's rule of one posting per kind and payment. The rows are removed afterwards: the postings are made up, and
 * the other tests check the whole ledger against the payments' states.
 */
@QuarkusTest
class LedgerRowsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Money AMOUNT = new Money(1200, "EUR");

    @Inject
    LedgerRows rows;
    @Inject
    Ledger ledger;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    private final String payer = newUser("ledger-rows-payer");
    private final String payee = newUser("ledger-rows-payee");
    private UUID paymentId;

    @AfterEach
    void removeTheMadeUpPostings() {
        if (paymentId != null) {
            update("DELETE FROM ledger_entry WHERE payment_id = ?", paymentId);
        }
    }

    @Test
    void shouldBookSeveralPostingsInOneStatementAsHibernateReadsThem() {
        paymentId = pendingPayment();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LedgerPosting hold = LedgerPosting.hold(paymentId, "FR", AMOUNT, at);
        LedgerPosting release = LedgerPosting.holdRelease(paymentId, "FR", AMOUNT, at.plusMillis(5));
        LedgerPosting capture = LedgerPosting.capture(paymentId, "FR", AMOUNT, at.plusMillis(5));

        OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.insert(c, List.of(hold, release, capture))),
                TIMEOUT);

        var kinds = EnumSet.of(PostingKind.HOLD, PostingKind.HOLD_RELEASE, PostingKind.CAPTURE);
        assertThat(OnVertx.await(vertx, () -> ledger.bookedKinds(paymentId), TIMEOUT)).isEqualTo(kinds);
        assertThat(OnVertx.await(vertx, () -> rows.kinds(pool, paymentId), TIMEOUT)).isEqualTo(kinds);
        for (LedgerPosting booked : List.of(hold, release, capture)) {
            assertSame(OnVertx.await(vertx, () -> ledger.posting(paymentId, booked.kind()), TIMEOUT), booked);
        }
        // each posting's lines share an id of their own
        assertThat(count("SELECT count(DISTINCT posting_id) FROM ledger_entry WHERE payment_id = ?", paymentId))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE payment_id = ?", paymentId)).isEqualTo(6);
        // line and posting ids are time-ordered (version 7): each insert appends to the primary key's index
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE payment_id = ? AND substr(id::text, 15, 1) = '7'"
                + " AND substr(posting_id::text, 15, 1) = '7'", paymentId)).isEqualTo(6);
        assertThat(OnVertx.await(vertx, () -> ledger.posting(paymentId, PostingKind.PAYOUT), TIMEOUT)).isEmpty();
    }

    @Test
    void shouldFailTheWholeStatementOnASecondPostingOfAKind() {
        paymentId = pendingPayment();
        Instant at = Instant.now();
        OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.insert(c,
                List.of(LedgerPosting.hold(paymentId, "FR", AMOUNT, at)))), TIMEOUT);

        assertThatThrownBy(() -> OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.insert(c, List.of(
                LedgerPosting.capture(paymentId, "FR", AMOUNT, at),
                LedgerPosting.hold(paymentId, "FR", AMOUNT, at)))), TIMEOUT))
                .rootCause().isInstanceOf(PgException.class).hasMessageContaining("duplicate key");
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE payment_id = ?", paymentId)).isEqualTo(2);
    }

    private static void assertSame(Optional<LedgerPosting> read, LedgerPosting booked) {
        assertThat(read).isPresent();
        assertThat(read.get().paymentId()).isEqualTo(booked.paymentId());
        assertThat(read.get().kind()).isEqualTo(booked.kind());
        assertThat(read.get().country()).isEqualTo(booked.country());
        assertThat(read.get().bookedAt()).isEqualTo(booked.bookedAt());
        assertThat(new HashSet<>(read.get().entries())).isEqualTo(new HashSet<>(booked.entries()));
    }

    private UUID pendingPayment() {
        String token = AuthorizationTokens.token(payer, payee, AMOUNT.value(), "EUR").sign();
        return UUID.fromString(post(payer, UUID.randomUUID().toString(), body(payee, AMOUNT.value(), null, token))
                .then().statusCode(202).extract().path("paymentId"));
    }
}
