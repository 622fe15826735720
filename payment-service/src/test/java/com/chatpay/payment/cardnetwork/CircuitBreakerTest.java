package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.payment.cardnetwork.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    /** Weighs the last 10 calls, from 4 on; half of them failed opens it. */
    private final CircuitBreaker breaker = new CircuitBreaker(10, 4, 0.5, Duration.ofSeconds(10), clock);

    private void fail(int times) {
        fail(breaker, times);
    }

    private void succeed(int times) {
        succeed(breaker, times);
    }

    private static void fail(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

    private static void succeed(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onSuccess();
        }
    }

    @Test
    void shouldOpenOnceTheMinimumOfCallsIsReachedAndHalfOfThemFailed() {
        fail(3);
        assertThat(breaker.state()).as("fewer calls than the minimum").isEqualTo(State.CLOSED);
        fail(1);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void shouldWeighOnlyTheLatestCallsOfTheWindow() {
        fail(1);
        succeed(10);
        fail(4);
        assertThat(breaker.state()).as("4 of the last 10 failed; the first failure is out of the window")
                .isEqualTo(State.CLOSED);
        fail(1);
        assertThat(breaker.state()).as("5 of the last 10").isEqualTo(State.OPEN);
    }

    /**
     * One issuer's cards time out while the other issuers' answer: the network's answers interleave, with runs of
     * failures among them. Counted as consecutive failures (5 opened it), every such run opened the breaker for every
     * payer; the share of failures in the window stays far from half.
     */
    @Test
    void shouldStayClosedWhileOneIssuersCardsFailAmongTheOthersAnswers() {
        CircuitBreaker production = new CircuitBreaker(50, 20, 0.5, Duration.ofSeconds(30), clock);
        for (int round = 0; round < 20; round++) {
            succeed(production, 15);
            fail(production, 5);
            assertThat(production.state()).as("round %d", round).isEqualTo(State.CLOSED);
        }
        int failed = 0;
        while (production.state() == State.CLOSED && failed < 50) {
            fail(production, 1);
            failed++;
        }
        assertThat(production.state()).as("the whole network failing").isEqualTo(State.OPEN);
        assertThat(failed).as("failures it took, the window already holding 10").isEqualTo(15);
    }

    @Test
    void shouldNotCountWhatCallsMadeBeforeItOpenedReportWhileItIsOpen() {
        fail(4);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void shouldStartAnEmptyWindowOnceClosedAgain() {
        fail(4);
        clock.advance(Duration.ofSeconds(10));
        succeed(1);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        fail(3);
        assertThat(breaker.state()).as("3 calls since it closed: fewer than the minimum").isEqualTo(State.CLOSED);
    }

    @Test
    void shouldRefuseAWindowSmallerThanItsMinimumOrAThresholdOutOfRange() {
        assertThatThrownBy(() -> new CircuitBreaker(3, 4, 0.5, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(10, 4, 0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(10, 4, 1.5, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetOneTrialThroughAfterTheCoolDownAndCloseOnItsSuccess() {
        fail(4);
        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("a second call while the trial runs").isFalse();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void shouldOpenAgainForAFullCoolDownWhenTheTrialFails() {
        fail(4);
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    /** A trial whose caller never reports (cancelled, lost) must not keep the breaker refusing every call forever. */
    @Test
    void shouldLetANewTrialThroughOnceAnUnreportedTrialIsACoolDownOld() {
        fail(4);
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).as("the trial, never reported").isTrue();

        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.tryAcquire()).as("while the trial may still be running").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).as("a new trial").isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }
}
