package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedCardNetworkTest {

    private static final Money AMOUNT = Money.of(2000, "EUR");
    private static final String OK = "tok_sim_ok_0123456789abcdef01234567";
    private static final String NSF = "tok_sim_nsf_0123456789abcdef01234567";
    private static final String DECLINE = "tok_sim_dcl_0123456789abcdef01234567";
    private static final String TIMEOUT = "tok_sim_tmo_0123456789abcdef01234567";
    private static final String PAYOUT_FAILS = "tok_sim_pof_0123456789abcdef01234567";
    private static final String CHARGES_FINAL = "tok_sim_fin_0123456789abcdef01234567";

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    private static CardNetworkConfig config(Duration latency, Duration timeout, double failureRate) {
        return config(latency, timeout, failureRate, 100_000);
    }

    private static CardNetworkConfig config(Duration latency, Duration timeout, double failureRate,
            int rememberedReferences) {
        return new CardNetworkConfig() {
            @Override
            public Duration latency() {
                return latency;
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public double failureRate() {
                return failureRate;
            }

            @Override
            public int rememberedReferences() {
                return rememberedReferences;
            }

            @Override
            public SimulatorStore simulatorStore() {
                return SimulatorStore.MEMORY;
            }

            @Override
            public Retry retry() {
                throw new UnsupportedOperationException("the simulator has no retries");
            }

            @Override
            public Breaker circuitBreaker() {
                throw new UnsupportedOperationException("the simulator has no circuit breaker");
            }
        };
    }

    private static SimulatedCardNetwork network() {
        return new SimulatedCardNetwork(vertx, config(Duration.ZERO, Duration.ofMillis(200), 0), () -> 0.5);
    }

    private static CardResult await(io.smallrye.mutiny.Uni<CardResult> call) {
        return call.await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldAuthorizeCaptureAndPushAnApprovingCard() {
        SimulatedCardNetwork network = network();

        assertThat(await(network.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
        assertThat(network.isHeld("p1")).isTrue();
        assertThat(await(network.capture("p1")).isApproved()).isTrue();
        assertThat(await(network.pushToCard("p1", OK, AMOUNT)).isApproved()).isTrue();
        assertThat(network.isHeld("p1")).isFalse();
    }

    @Test
    void shouldDeclineScriptedCardsAtAuthorize() {
        SimulatedCardNetwork network = network();

        assertThat(await(network.authorize("p1", NSF, AMOUNT)))
                .isEqualTo(CardResult.declined(CardResult.INSUFFICIENT_FUNDS));
        assertThat(await(network.authorize("p2", DECLINE, AMOUNT)))
                .isEqualTo(CardResult.declined(CardResult.CARD_DECLINED));
        assertThat(network.isHeld("p1")).isFalse();
        assertThat(await(network.capture("p1")).isApproved()).isFalse();
    }

    @Test
    void shouldTimeOutAfterTheConfiguredTimeout() {
        SimulatedCardNetwork network = network();
        long start = System.nanoTime();

        CardResult result = await(network.authorize("p1", TIMEOUT, AMOUNT));

        assertThat(result.outcome()).isEqualTo(CardResult.Outcome.TIMED_OUT);
        assertThat(result.reason()).isEqualTo(CardResult.CARD_NETWORK_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void shouldTellWhereAReferenceStandsWhenAnAnswerWasLost() {
        SimulatedCardNetwork network = network();

        assertThat(await(network.authorize("p1", TIMEOUT, AMOUNT)).outcome())
                .isEqualTo(CardResult.Outcome.TIMED_OUT);

        assertThat(network.status("p1").await().atMost(Duration.ofSeconds(5)))
                .isEqualTo(new CardStatus(CardStatus.Authorization.HELD, CardStatus.Payout.NONE));
        assertThat(network.status("never-seen").await().atMost(Duration.ofSeconds(5)))
                .isEqualTo(new CardStatus(CardStatus.Authorization.NONE, CardStatus.Payout.NONE));
        await(network.capture("p1"));
        await(network.pushToCard("p1", OK, AMOUNT));
        assertThat(network.status("p1").await().atMost(Duration.ofSeconds(5)))
                .isEqualTo(new CardStatus(CardStatus.Authorization.CAPTURED, CardStatus.Payout.PAID_OUT));
    }

    @Test
    void shouldFailPushesToPayoutFailingCardsAndReverseTheCapture() {
        SimulatedCardNetwork network = network();
        await(network.authorize("p1", OK, AMOUNT));
        await(network.capture("p1"));

        assertThat(await(network.pushToCard("p1", PAYOUT_FAILS, AMOUNT)))
                .isEqualTo(CardResult.declined(CardResult.PAYOUT_FAILED));
        assertThat(await(network.reverse("p1")).isApproved()).isTrue();
    }

    @Test
    void shouldChargeAChargesFinalCardButRefuseToGiveTheChargeBack() {
        SimulatedCardNetwork network = network();
        assertThat(await(network.authorize("p1", CHARGES_FINAL, AMOUNT)).isApproved()).isTrue();
        assertThat(await(network.capture("p1")).isApproved()).isTrue();

        assertThat(await(network.reverse("p1"))).isEqualTo(CardResult.declined(CardResult.CARD_DECLINED));
        assertThat(await(network.refund("p1", AMOUNT))).isEqualTo(CardResult.declined(CardResult.CARD_DECLINED));
        assertThat(network.holdState("p1")).contains(SimulatedCardNetwork.HoldState.CAPTURED);
    }

    @Test
    void shouldVoidAHoldSoItCannotBeCaptured() {
        SimulatedCardNetwork network = network();
        await(network.authorize("p1", OK, AMOUNT));

        assertThat(await(network.voidHold("p1")).isApproved()).isTrue();
        assertThat(network.isHeld("p1")).isFalse();
        assertThat(await(network.capture("p1"))).isEqualTo(CardResult.declined(CardResult.NO_HOLD));
    }

    @Test
    void shouldAnswerTheSameToARepeatedReference() {
        SimulatedCardNetwork network = network();
        await(network.authorize("p1", OK, AMOUNT));
        await(network.capture("p1"));

        assertThat(await(network.capture("p1")).isApproved()).isTrue();
        assertThat(await(network.reverse("p1")).isApproved()).isTrue();
        assertThat(await(network.reverse("p1")).isApproved()).isTrue();
    }

    @Test
    void shouldForgetTheOldestReferencesBeyondTheConfiguredNumber() {
        InMemorySimulatorMemory memory = new InMemorySimulatorMemory(2);
        SimulatedCardNetwork network = new SimulatedCardNetwork(vertx,
                config(Duration.ZERO, Duration.ofMillis(200), 0, 2), () -> 0.5, memory);
        await(network.authorize("p1", OK, AMOUNT));
        await(network.authorize("p2", OK, AMOUNT));
        await(network.capture("p2"));
        await(network.authorize("p3", OK, AMOUNT));

        assertThat(memory.size()).isEqualTo(2);
        assertThat(network.holdState("p1")).isEmpty();
        assertThat(network.holdState("p2")).contains(SimulatedCardNetwork.HoldState.CAPTURED);
        assertThat(network.isHeld("p3")).isTrue();
        // forgotten: the network no longer knows the hold it granted
        assertThat(await(network.capture("p1"))).isEqualTo(CardResult.declined(CardResult.NO_HOLD));
    }

    @Test
    void shouldFailAtTheConfiguredRate() {
        SimulatedCardNetwork alwaysFails = new SimulatedCardNetwork(vertx,
                config(Duration.ZERO, Duration.ofMillis(200), 0.3), () -> 0.1);
        SimulatedCardNetwork neverFails = new SimulatedCardNetwork(vertx,
                config(Duration.ZERO, Duration.ofMillis(200), 0.3), () -> 0.5);

        assertThat(await(alwaysFails.authorize("p1", OK, AMOUNT)))
                .isEqualTo(CardResult.declined(CardResult.CARD_NETWORK_ERROR));
        assertThat(await(neverFails.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
    }

    @Test
    void shouldDecideAgainAfterATransientErrorButRememberRealAnswers() {
        SimulatedCardNetwork network = new SimulatedCardNetwork(vertx,
                config(Duration.ZERO, Duration.ofMillis(200), 0), () -> 0.1);

        network.failureRate(1);
        assertThat(await(network.authorize("p1", OK, AMOUNT))).isEqualTo(CardResult.declined(CardResult.CARD_NETWORK_ERROR));
        assertThat(network.holdState("p1")).isEmpty();

        network.failureRate(0);
        assertThat(await(network.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
        network.failureRate(1);
        assertThat(await(network.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
    }

    @Test
    void shouldFailOnlyTheOperationsAnOutageIsNarrowedTo() {
        SimulatedCardNetwork network = new SimulatedCardNetwork(vertx,
                config(Duration.ZERO, Duration.ofMillis(200), 0), () -> 0.1);
        network.failureRate(1, Set.of("reverse"));

        assertThat(await(network.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
        assertThat(await(network.capture("p1")).isApproved()).isTrue();
        assertThat(await(network.reverse("p1"))).isEqualTo(CardResult.declined(CardResult.CARD_NETWORK_ERROR));
        assertThat(network.holdState("p1")).contains(SimulatedCardNetwork.HoldState.CAPTURED);

        network.failureRate(0);
        assertThat(await(network.reverse("p1")).isApproved()).isTrue();
        assertThat(network.holdState("p1")).contains(SimulatedCardNetwork.HoldState.REVERSED);
    }

    @Test
    void shouldTakeTheConfiguredLatency() {
        SimulatedCardNetwork slow = new SimulatedCardNetwork(vertx,
                config(Duration.ofMillis(100), Duration.ofSeconds(1), 0), () -> 0.5);
        long start = System.nanoTime();

        assertThat(await(slow.authorize("p1", OK, AMOUNT)).isApproved()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void shouldTakeThePayoutBackAndRefundThePayerOnce() {
        SimulatedCardNetwork network = network();
        await(network.authorize("p1", OK, AMOUNT));
        await(network.capture("p1"));
        await(network.pushToCard("p1", OK, AMOUNT));

        assertThat(await(network.reversePayout("p1")).isApproved()).isTrue();
        assertThat(network.payoutState("p1")).contains(SimulatedCardNetwork.PayoutState.REVERSED);
        assertThat(await(network.refund("p1", AMOUNT)).isApproved()).isTrue();
        assertThat(network.holdState("p1")).contains(SimulatedCardNetwork.HoldState.REFUNDED);
        assertThat(await(network.reverse("p1"))).isEqualTo(CardResult.declined(CardResult.NO_HOLD));
    }

    @Test
    void shouldRefuseToRefundWhatWasNeverPaidOutOrCaptured() {
        SimulatedCardNetwork network = network();
        await(network.authorize("p1", OK, AMOUNT));

        assertThat(await(network.reversePayout("p1"))).isEqualTo(CardResult.declined(CardResult.NO_PAYOUT));
        assertThat(await(network.refund("p1", AMOUNT))).isEqualTo(CardResult.declined(CardResult.NO_HOLD));
        assertThat(network.isHeld("p1")).isTrue();
    }
}
