package com.chatpay.payment.cardnetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), 2, Duration.ofMillis(500));

    @Test
    void shouldBackOffExponentiallyUpToTheMaximum() {
        assertThat(policy.backoffBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoffBefore(5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBefore(40)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldBoundTheNumberOfAttempts() {
        assertThat(policy.mayRetryAfter(1)).isTrue();
        assertThat(policy.mayRetryAfter(4)).isTrue();
        assertThat(policy.mayRetryAfter(5)).isFalse();
        assertThat(new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO).mayRetryAfter(1)).isFalse();
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(10), 0.5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
