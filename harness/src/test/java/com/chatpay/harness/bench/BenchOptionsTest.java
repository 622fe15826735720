package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void shouldUseTheIssueDefaultsWhenNoOptionIsGiven() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.users()).isEqualTo(1000);
        assertThat(o.rate()).isEqualTo(100);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.warmup()).isEqualTo(Duration.ofMinutes(6));
        assertThat(o.findMax()).isFalse();
        assertThat(o.smoke()).isFalse();
    }

    @Test
    void shouldReadEveryOptionWhenGivenWithSpaceOrEquals() {
        BenchOptions o = BenchOptions.parse("--users", "1500", "--rate=250.5", "--duration", "2m", "--warmup=500ms",
                "--find-max", "--step", "10", "--ceiling", "0");
        assertThat(o.users()).isEqualTo(1500);
        assertThat(o.rate()).isEqualTo(250.5);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.findMax()).isTrue();
        assertThat(o.stepDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.ceilingDuration()).isZero();
    }

    /** A cold stack cannot take 100/s while it compiles: the warm-up runs at the first rate, 40/s at most. */
    @Test
    void shouldWarmUpAtTheFirstRateButNeverFasterThan40PerSecond() {
        assertThat(BenchOptions.parse().warmUpRate()).isEqualTo(40);
        assertThat(BenchOptions.parse("--rate", "25").warmUpRate()).isEqualTo(25);
        assertThat(BenchOptions.parse("--find-max", "--rate", "40").warmUpRate()).isEqualTo(40);
    }

    @Test
    void shouldTakeSmokeDefaultsOnlyForOptionsNotGivenWhenSmoke() {
        BenchOptions o = BenchOptions.parse("--smoke", "--rate", "5");
        assertThat(o.smoke()).isTrue();
        assertThat(o.rate()).isEqualTo(5);
        assertThat(o.users()).isEqualTo(BenchOptions.smokeDefaults().users());
        assertThat(o.duration()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldNameTheOptionWhenAValueIsWrongOrMissing() {
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "fast")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "1.5")).hasMessageContaining("--users");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "1 minute")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchOptions.parse("--duration")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse("--users", "1")).hasMessageContaining("--users");
        assertThatThrownBy(() -> BenchOptions.parse("--duration", "0s")).hasMessageContaining("--duration");
    }

    @Test
    void shouldRefuseAnUnknownOptionWhenGiven() {
        assertThatThrownBy(() -> BenchOptions.parse("--rates", "5")).hasMessageContaining("unknown option --rates");
    }

    @Test
    void shouldSignalHelpWhenAsked() {
        assertThatThrownBy(() -> BenchOptions.parse("--help")).isInstanceOf(BenchOptions.HelpRequested.class);
        assertThatThrownBy(() -> BenchOptions.parse("-h")).isInstanceOf(BenchOptions.HelpRequested.class);
    }

    @Test
    void shouldParseDurationsInEveryUnitWhenGiven() {
        assertThat(BenchOptions.parseDuration("x", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(BenchOptions.parseDuration("x", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(BenchOptions.parseDuration("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(BenchOptions.parseDuration("x", "3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(BenchOptions.parseDuration("x", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(BenchOptions.parseDuration("x", "0")).isZero();
    }
}
