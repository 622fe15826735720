package com.chatpay.payment.settlement;

import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.payment.testing.OnVertx;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reservation's claim belongs to the transaction that records the decision: outside one, the claim would commit
 * on its own with nothing to settle it until it lapsed, so the settler refuses before it writes anything.
 */
@QuarkusTest
class ReservedPaymentSettlerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ReservedPaymentSettler settler;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @Test
    void shouldRefuseToClaimOutsideTheDecisionsTransaction() {
        // accepted, and no limits decision comes in this application: it awaits one
        UUID payment = UUID.fromString(pay(newUser("settler-payer"), newUser("settler-payee"), 700));

        assertThatThrownBy(() -> OnVertx.await(vertx,
                () -> pool.withConnection(connection -> settler.claim(connection, payment)), TIMEOUT))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("claimed in the transaction that records its reservation");
        assertThat(count("SELECT count(*) FROM payment WHERE id = ? AND status = 'PENDING'"
                + " AND network_retry_at IS NULL AND version = 0", payment))
                .as("nothing claimed").isEqualTo(1);

        Boolean claimed = OnVertx.await(vertx,
                () -> pool.withTransaction(connection -> settler.claim(connection, payment)), TIMEOUT);
        assertThat(claimed).as("inside a transaction it claims").isTrue();
    }
}
