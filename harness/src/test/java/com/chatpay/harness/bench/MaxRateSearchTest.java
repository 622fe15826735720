package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaxRateSearchTest {

    /** A system that keeps its promise up to {@code capacity} payments a second. */
    private static MaxRateSearch.Trial<String> capacity(double capacity) {
        return rate -> new MaxRateSearch.Step<>(rate, rate <= capacity, "at " + rate);
    }

    private static List<Double> rates(MaxRateSearch.Outcome<String> outcome) {
        return outcome.steps().stream().map(MaxRateSearch.Step::rate).toList();
    }

    @Test
    void shouldDoubleThenBisectWhenCapacityLiesBetweenDoublings() {
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 4000, 20, 20).search(capacity(530));
        assertThat(rates(outcome)).startsWith(100.0, 200.0, 400.0, 800.0, 600.0, 500.0);
        assertThat(outcome.maxRate()).isBetween(500.0, 530.0);
        // stops once the gap is within 5 % of the passing rate (or the resolution)
        double lowestFailure = outcome.steps().stream().filter(s -> !s.passed())
                .mapToDouble(MaxRateSearch.Step::rate).min().orElseThrow();
        assertThat(lowestFailure - outcome.maxRate()).isLessThanOrEqualTo(Math.max(20, outcome.maxRate() * 0.05));
        assertThat(lowestFailure).isGreaterThan(530);
    }

    @Test
    void shouldNeverReportARateThatFailedWhenTheSystemIsNoisy() {
        // passes below 300 and, by noise, fails at 250 too
        MaxRateSearch.Trial<String> noisy = rate -> new MaxRateSearch.Step<>(rate, rate < 300 && rate != 250, "");
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 4000, 10, 20).search(noisy);
        assertThat(outcome.steps()).filteredOn(s -> s.rate() == outcome.maxRate())
                .allMatch(MaxRateSearch.Step::passed);
        // the bisection continues below the spurious failure: the answer lies between the last pass and it
        assertThat(outcome.maxRate()).isGreaterThanOrEqualTo(200).isLessThan(250);
    }

    @Test
    void shouldBisectTowardsZeroWhenTheFirstRateFails() {
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 4000, 5, 20).search(capacity(30));
        assertThat(outcome.steps().get(0).passed()).isFalse();
        assertThat(outcome.maxRate()).isBetween(25.0, 30.0);
    }

    @Test
    void shouldReportZeroWhenNothingPasses() {
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 4000, 20, 20).search(capacity(0));
        assertThat(outcome.maxRate()).isZero();
        assertThat(outcome.steps()).noneMatch(MaxRateSearch.Step::passed);
    }

    @Test
    void shouldStopAtTheUpperBoundWhenEverythingPasses() {
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 1000, 20, 20).search(capacity(1e9));
        assertThat(rates(outcome)).containsExactly(100.0, 200.0, 400.0, 800.0, 1000.0);
        assertThat(outcome.maxRate()).isEqualTo(1000);
    }

    @Test
    void shouldStopAfterMaxStepsWhenTheBudgetRunsOut() {
        MaxRateSearch.Outcome<String> outcome = new MaxRateSearch(100, 4000, 1, 4).search(capacity(777));
        assertThat(outcome.steps()).hasSize(4);
        assertThat(outcome.maxRate()).isEqualTo(400);
    }

    @Test
    void shouldRefuseANonsensicalSearchWhenConfigured() {
        assertThatThrownBy(() -> new MaxRateSearch(0, 100, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxRateSearch(200, 100, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
