package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.payment.cardnetwork.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResilientCardNetworkTest {

    private static final Money AMOUNT = Money.of(2000, "EUR");
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    /** An adapter that answers authorize from a script (null = the Uni fails) and counts the calls. */
    static final class ScriptedNetwork implements CardNetwork {
        final Deque<CardResult> script = new ArrayDeque<>();
        int calls;

        ScriptedNetwork then(CardResult... results) {
            script.addAll(java.util.List.of(results));
            return this;
        }

        @Override
        public Uni<CardResult> authorize(String reference, String cardToken, Money amount) {
            calls++;
            CardResult next = script.poll();
            if (next == null || next.reason() != null && next.reason().equals("THROW")) {
                return Uni.createFrom().failure(new IllegalStateException("connection reset"));
            }
            return Uni.createFrom().item(next);
        }

        @Override
        public Uni<CardResult> capture(String reference) {
            return authorize(reference, null, null);
        }

        @Override
        public Uni<CardResult> pushToCard(String reference, String cardToken, Money amount) {
            return authorize(reference, cardToken, amount);
        }

        @Override
        public Uni<CardResult> voidHold(String reference) {
            return authorize(reference, null, null);
        }

        @Override
        public Uni<CardResult> reverse(String reference) {
            return authorize(reference, null, null);
        }

        @Override
        public Uni<CardResult> reversePayout(String reference) {
            return authorize(reference, null, null);
        }

        @Override
        public Uni<CardStatus> status(String reference) {
            return Uni.createFrom().item(CardStatus.UNKNOWN);
        }

        @Override
        public Uni<CardResult> refund(String reference, Money amount) {
            return authorize(reference, null, null);
        }
    }

    private static final CardResult ERROR = CardResult.declined(CardResult.CARD_NETWORK_ERROR);
    private static final CardResult THROWS = CardResult.declined("THROW");

    private final CircuitBreakerTest.ManualClock clock = new CircuitBreakerTest.ManualClock();
    private final CircuitBreaker breaker = new CircuitBreaker(10, 4, 0.5, Duration.ofSeconds(30), clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ResilientCardNetwork network(ScriptedNetwork adapter) {
        return new ResilientCardNetwork(adapter, new RetryPolicy(3, Duration.ofMillis(5), 2, Duration.ofMillis(20)),
                breaker, vertx, registry);
    }

    private static CardResult authorize(ResilientCardNetwork network) {
        return network.authorize("p1", "tok", AMOUNT).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldRetryTransientErrorsUntilTheNetworkAnswers() {
        ScriptedNetwork adapter = new ScriptedNetwork().then(ERROR, THROWS, CardResult.approved());

        assertThat(authorize(network(adapter)).isApproved()).isTrue();
        assertThat(adapter.calls).isEqualTo(3);
        assertThat(registry.counter("chatpay_card_network_retries_total", "operation", "authorize").count())
                .isEqualTo(2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void shouldNeverRetryADeclineOrATimeout() {
        ScriptedNetwork adapter = new ScriptedNetwork().then(CardResult.declined(CardResult.INSUFFICIENT_FUNDS),
                CardResult.timedOut(), CardResult.approved());
        ResilientCardNetwork network = network(adapter);

        assertThat(authorize(network)).isEqualTo(CardResult.declined(CardResult.INSUFFICIENT_FUNDS));
        assertThat(authorize(network)).isEqualTo(CardResult.timedOut());
        assertThat(adapter.calls).isEqualTo(2);
    }

    @Test
    void shouldAnswerUnavailableWhenEveryRetryFailsAndNeverInventAnOutcome() {
        ScriptedNetwork adapter = new ScriptedNetwork().then(ERROR, ERROR, ERROR, CardResult.approved());

        CardResult result = authorize(network(adapter));

        assertThat(result.outcome()).isEqualTo(CardResult.Outcome.UNAVAILABLE);
        assertThat(result.reason()).isEqualTo(CardResult.CARD_NETWORK_UNAVAILABLE);
        assertThat(adapter.calls).isEqualTo(3);
    }

    @Test
    void shouldOpenTheBreakerFailFastWhileOpenAndRecoverAfterTheCoolDown() {
        ScriptedNetwork adapter = new ScriptedNetwork().then(ERROR, ERROR, ERROR, ERROR);
        ResilientCardNetwork network = network(adapter);

        assertThat(authorize(network).isUnavailable()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(authorize(network).isUnavailable()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(adapter.calls).as("the 4th failure opened it; no 5th call was made").isEqualTo(4);
        assertThat(registry.get("chatpay_card_network_circuit_open").gauge().value()).isEqualTo(1);

        adapter.then(CardResult.approved());
        assertThat(authorize(network).isUnavailable()).isTrue();
        assertThat(adapter.calls).as("fails fast while open").isEqualTo(4);

        clock.advance(Duration.ofSeconds(30));
        assertThat(authorize(network).isApproved()).isTrue();
        assertThat(adapter.calls).isEqualTo(5);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(registry.get("chatpay_card_network_circuit_open").gauge().value()).isEqualTo(0);
    }

    @Test
    void shouldCountTimeoutsAsFailuresOfTheBreaker() {
        ScriptedNetwork adapter = new ScriptedNetwork().then(CardResult.timedOut(), CardResult.timedOut(),
                CardResult.timedOut(), CardResult.timedOut(), CardResult.approved());
        ResilientCardNetwork network = network(adapter);
        for (int i = 0; i < 4; i++) {
            authorize(network);
        }

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(authorize(network).isUnavailable()).isTrue();
    }
}
