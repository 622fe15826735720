package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up's rounds: at the capped rate until the JIT settles, then at the run's rate until it settles again. */
class BenchWarmUpTest {

    @Test
    void shouldStayAtTheRoundsRateWhileTheJitIsBusy() {
        assertThat(Bench.nextWarmUpRate(40, 100, 24)).hasValue(40);
        assertThat(Bench.nextWarmUpRate(100, 100, 12)).hasValue(100);
    }

    @Test
    void shouldGoOnAtTheRunsRateOnceTheJitSettledAtTheCappedOne() {
        assertThat(Bench.nextWarmUpRate(40, 100, 4)).hasValue(100);
    }

    @Test
    void shouldStopOnceTheJitSettledAtTheRunsRate() {
        assertThat(Bench.nextWarmUpRate(100, 100, 5)).isEmpty();
        assertThat(Bench.nextWarmUpRate(40, 40, 9)).as("find-max from 40/s: one phase").isEmpty();
        assertThat(Bench.nextWarmUpRate(25, 25, 3)).isEmpty();
    }
}
