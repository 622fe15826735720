package com.chatpay.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 8);

    @Test
    void shouldDoubleTheDelayAfterEachFailedAttempt() {
        assertThat(POLICY.nominalDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.nominalDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.nominalDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.nominalDelay(7)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void shouldNeverWaitLongerThanTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 100);
        assertThat(policy.nominalDelay(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.nominalDelay(99)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.nextDelay(99, 0.999)).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void shouldJitterBetweenHalfAndAllOfTheNominalDelay() {
        assertThat(POLICY.nextDelay(3, 0.0)).contains(Duration.ofSeconds(2));
        assertThat(POLICY.nextDelay(3, 0.5)).contains(Duration.ofSeconds(3));
        assertThat(POLICY.nextDelay(3, 0.9999)).contains(Duration.ofSeconds(4));
    }

    @Test
    void shouldGiveUpAfterTheMaximumAttempts() {
        assertThat(POLICY.nextDelay(7, 0.5)).isPresent();
        assertThat(POLICY.nextDelay(8, 0.5)).isEmpty();
        assertThat(POLICY.nextDelay(9, 0.5)).isEmpty();
        assertThat(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).nextDelay(1, 0.5)).isEmpty();
    }

    @Test
    void shouldRefuseANonsensicalPolicy() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
