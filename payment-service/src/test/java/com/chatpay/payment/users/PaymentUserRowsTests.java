package com.chatpay.payment.users;

import static com.chatpay.payment.testing.PaymentFixtures.activate;
import static com.chatpay.payment.testing.PaymentFixtures.card;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.payment.testing.OnVertx;
import com.chatpay.payment.testing.PaymentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A user's row locked (or created) in plain SQL is the one Hibernate maps, and stays locked until the commit. */
@QuarkusTest
class PaymentUserRowsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String FREE_ELSEWHERE =
            "SELECT count(*) FROM (SELECT 1 FROM payment_user WHERE user_id = ? FOR UPDATE SKIP LOCKED) free";

    @Inject
    PaymentUserRows rows;
    @Inject
    PaymentUserRepository repository;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @Test
    void shouldLockAKnownUserAsHibernateMapsThem() {
        String user = newUser("user-rows");
        activate(user, card(PaymentFixtures.OK_CARD));

        long[] freeMeanwhile = new long[1];
        PaymentUser locked = OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.lockOrCreate(c, user,
                Instant.now()).call(ignored -> elsewhere(user, freeMeanwhile))), TIMEOUT);
        PaymentUser mapped = OnVertx.await(vertx, () -> repository.findById(user), TIMEOUT);

        assertThat(freeMeanwhile[0]).as("the row is locked until the transaction ends").isZero();
        assertThat(count(FREE_ELSEWHERE, user)).as("and free after").isEqualTo(1);
        assertThat(state(locked)).isEqualTo(state(mapped));
        assertThat(locked.canReceive()).isTrue();
    }

    @Test
    void shouldCreateAnUnknownUserLocked() {
        String user = newUser("user-rows-unknown");

        long[] freeMeanwhile = new long[1];
        PaymentUser created = OnVertx.await(vertx, () -> pool.withTransaction(c -> rows.lockOrCreate(c, user,
                Instant.now()).call(ignored -> elsewhere(user, freeMeanwhile))), TIMEOUT);

        assertThat(freeMeanwhile[0]).isZero();
        assertThat(created.userId()).isEqualTo(user);
        assertThat(created.canReceive()).isFalse();
        assertThat(count("SELECT count(*) FROM payment_user WHERE user_id = ? AND NOT active", user)).isEqualTo(1);
    }

    /** A payment's parties read by its id alone are the ones read by their ids; an unknown party is absent. */
    @Test
    void shouldReadThePartiesOfAPaymentByItsId() {
        String payer = newUser("parties-payer");
        String payee = newUser("parties-payee");
        activate(payer, card(PaymentFixtures.OK_CARD));
        activate(payee, card(PaymentFixtures.OK_CARD));
        UUID payment = payment(payer, payee);
        UUID toAStranger = payment(payer, newUser("parties-stranger"));

        Map<String, PaymentUser> parties = OnVertx.await(vertx, () -> rows.partiesOf(pool, payment), TIMEOUT);
        Map<String, PaymentUser> known = OnVertx.await(vertx, () -> rows.known(pool, payer, payee), TIMEOUT);

        assertThat(parties).containsOnlyKeys(payer, payee);
        assertThat(state(parties.get(payer))).isEqualTo(state(known.get(payer)));
        assertThat(state(parties.get(payee))).isEqualTo(state(known.get(payee)));
        assertThat(OnVertx.await(vertx, () -> rows.partiesOf(pool, toAStranger), TIMEOUT)).containsOnlyKeys(payer);
        assertThat(OnVertx.await(vertx, () -> rows.partiesOf(pool, UUID.randomUUID()), TIMEOUT)).isEmpty();
    }

    private static UUID payment(String payer, String payee) {
        UUID id = UUID.randomUUID();
        // a decided payment, so that no sweeper of this application picks it up
        PaymentFixtures.update("INSERT INTO payment (id, payer_id, payee_id, conversation_id, amount_value, currency,"
                + " payer_country, status, reason, created_at, updated_at) VALUES (?, ?, ?, 'conv-parties', 500, 'EUR',"
                + " 'FR', 'REJECTED', 'LIMIT_30_DAYS', now(), now())", id, payer, payee);
        return id;
    }

    /** Counts, from another connection and without waiting, whether the user's row can be locked there. */
    private static Uni<Void> elsewhere(String user, long[] free) {
        return Uni.createFrom().item(() -> count(FREE_ELSEWHERE, user))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(n -> free[0] = n)
                .replaceWithVoid();
    }

    private static List<Object> state(PaymentUser u) {
        return Arrays.asList(u.userId(), u.active(), u.country(), u.currency(), u.cardToken(), u.locked(),
                u.suspended());
    }
}
