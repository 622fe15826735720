package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.HoldState;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.PayoutState;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator remembering in the database ({@code simulator-store=database}), as two replicas of payment-service
 * use it: each with its own simulator and pool over payment-service's real PostgreSQL. A step resumed on the other
 * replica, or after a restart, meets the hold the network granted; concurrent calls for one reference are decided
 * one after the other.
 */
@QuarkusTest
class SharedSimulatorTests {

    private static final Money AMOUNT = Money.of(1500, "EUR");
    private static final String OK = "tok_sim_ok_0123456789abcdef01234567";

    @Inject
    Vertx vertx;

    @Inject
    CardNetworkConfig config;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final List<Pool> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(Pool::closeAndForget);
    }

    private SimulatedCardNetwork replica() {
        return replica(new DatabaseSimulatorMemory(pool(), 100_000));
    }

    private SimulatedCardNetwork replica(SimulatorMemory memory) {
        return new SimulatedCardNetwork(vertx, config, () -> 0.5, memory);
    }

    private Pool pool() {
        Pool pool = CardNetworkProducer.simulatorPool(vertx, url, user, password);
        pools.add(pool);
        return pool;
    }

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(10));
    }

    private static String reference() {
        return "shared-" + UUID.randomUUID();
    }

    @Test
    void shouldCaptureOnOneReplicaTheHoldTheOtherWasGranted() {
        SimulatedCardNetwork a = replica();
        SimulatedCardNetwork b = replica();
        String reference = reference();

        assertThat(await(a.authorize(reference, OK, AMOUNT)).isApproved()).isTrue();
        assertThat(await(b.capture(reference)).isApproved()).isTrue();
        assertThat(await(b.pushToCard(reference, OK, AMOUNT)).isApproved()).isTrue();

        assertThat(await(a.status(reference)))
                .isEqualTo(new CardStatus(CardStatus.Authorization.CAPTURED, CardStatus.Payout.PAID_OUT));
        assertThat(a.holdState(reference)).contains(HoldState.CAPTURED);
        assertThat(b.payoutState(reference)).contains(PayoutState.PAID_OUT);
        // the first answer is the answer on every replica: a repeated authorization is approved again
        assertThat(await(b.authorize(reference, OK, AMOUNT)).isApproved()).isTrue();
        assertThat(await(b.voidHold(reference))).isEqualTo(CardResult.declined(CardResult.CARD_DECLINED));
    }

    @Test
    void shouldRememberThroughARestart() {
        String reference = reference();
        assertThat(await(replica().authorize(reference, OK, AMOUNT)).isApproved()).isTrue();

        SimulatedCardNetwork restarted = replica();

        assertThat(restarted.holdState(reference)).contains(HoldState.HELD);
        assertThat(await(restarted.capture(reference)).isApproved()).isTrue();
    }

    /** A capture and a void of one hold, at once on two replicas: one wins, the other meets its outcome. */
    @Test
    void shouldDecideConcurrentCallsForOneReferenceOneAfterTheOther() {
        SimulatedCardNetwork a = replica();
        SimulatedCardNetwork b = replica();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reference = reference();
            await(a.authorize(reference, OK, AMOUNT));
            references.add(reference);
        }

        for (String reference : references) {
            var answers = await(Uni.combine().all().unis(a.capture(reference), b.voidHold(reference)).asTuple());
            CardResult capture = answers.getItem1();
            CardResult voided = answers.getItem2();

            assertThat(capture.isApproved() ^ voided.isApproved()).as("%s: %s, %s", reference, capture, voided)
                    .isTrue();
            assertThat(a.holdState(reference)).contains(capture.isApproved() ? HoldState.CAPTURED : HoldState.VOIDED);
        }
    }

    @Test
    void shouldForgetTheOldestReferencesBeyondItsWindow() {
        SimulatedCardNetwork network = replica(new DatabaseSimulatorMemory(pool(), 2, 1));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String reference = reference();
            await(network.authorize(reference, OK, AMOUNT));
            references.add(reference);
        }

        assertThat(network.holdState(references.get(0))).isEmpty();
        assertThat(network.holdState(references.get(1))).isEmpty();
        assertThat(network.holdState(references.get(2))).contains(HoldState.HELD);
        assertThat(network.holdState(references.get(3))).contains(HoldState.HELD);
        assertThat(await(network.capture(references.get(0)))).isEqualTo(CardResult.declined(CardResult.NO_HOLD));
    }
}
