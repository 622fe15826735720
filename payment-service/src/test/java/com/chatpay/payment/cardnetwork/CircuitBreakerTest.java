package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;

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
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

    @Test
    void shouldOpenAfterTheThresholdOfConsecutiveFailures() {
        fail(2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        fail(1);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void shouldCountOnlyConsecutiveFailures() {
        fail(2);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        fail(2);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void shouldLetOneTrialThroughAfterTheCoolDownAndCloseOnItsSuccess() {
        fail(3);
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
        fail(3);
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
        fail(3);
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
