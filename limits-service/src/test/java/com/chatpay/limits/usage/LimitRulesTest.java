package com.chatpay.limits.usage;

import static com.chatpay.limits.usage.LimitRules.Counted.consumed;
import static com.chatpay.limits.usage.LimitRules.Counted.reserved;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.limits.policy.LimitWindow;
import com.chatpay.limits.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitRulesTest {

    private static final Policy FR = new Policy("FR", "EUR", 50_000, 150_000, new LimitWindow.RollingDays(30), null,
            true);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @Test
    void shouldAcceptExactly500EurosAndRefuseOneCentMore() {
        assertThat(LimitRules.decide(FR, List.of(), eur(50_000), NOW).reserved()).isTrue();
        LimitRules.Decision refused = LimitRules.decide(FR, List.of(), eur(50_001), NOW);
        assertThat(refused.reserved()).isFalse();
        assertThat(refused.reason()).isEqualTo(LimitRules.LIMIT_PER_PAYMENT_EXCEEDED);
    }

    @Test
    void shouldCountReservationsAndConsumptionsInTheWindow() {
        var history = List.of(consumed(60_000, NOW.minus(Duration.ofDays(10))), reserved(50_000));
        LimitRules.Headroom headroom = LimitRules.headroom(FR, history, NOW);
        assertThat(headroom.used()).isEqualTo(eur(60_000));
        assertThat(headroom.reserved()).isEqualTo(eur(50_000));
        assertThat(headroom.remaining()).isEqualTo(eur(40_000));
        assertThat(headroom.nextReleaseAt()).isEqualTo(NOW.plus(Duration.ofDays(20)));
        LimitRules.Decision fits = LimitRules.decide(FR, history, eur(40_000), NOW);
        assertThat(fits.reserved()).isTrue();
        assertThat(fits.headroom().remaining()).isEqualTo(eur(0));
        LimitRules.Decision over = LimitRules.decide(FR, history, eur(40_001), NOW);
        assertThat(over.reason()).isEqualTo(LimitRules.LIMIT_WINDOW_EXCEEDED);
        assertThat(over.headroom().remaining()).isEqualTo(eur(40_000));
    }

    @Test
    void shouldStopCountingAnAmountExactly30DaysAfterItWasConsumed() {
        Instant consumedAt = NOW.minus(Duration.ofDays(30));
        var history = List.of(consumed(150_000, consumedAt));
        assertThat(LimitRules.headroom(FR, history, NOW).remaining()).isEqualTo(eur(150_000));
        assertThat(LimitRules.headroom(FR, history, NOW.minusSeconds(1)).remaining()).isEqualTo(eur(0));
    }

    @Test
    void shouldReportTheOldestCountedAmountAsNextRelease() {
        var history = List.of(consumed(10_000, NOW.minus(Duration.ofDays(3))),
                consumed(10_000, NOW.minus(Duration.ofDays(29))), consumed(10_000, NOW.minus(Duration.ofDays(31))));
        assertThat(LimitRules.headroom(FR, history, NOW).nextReleaseAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void shouldRefuseAnotherCurrency() {
        assertThat(LimitRules.decide(FR, List.of(), Money.of(100, "USD"), NOW).reason())
                .isEqualTo(LimitRules.CURRENCY_NOT_SUPPORTED);
    }

    @Test
    void shouldApplyTheVelocityCap() {
        Policy capped = new Policy("FR", "EUR", 50_000, 150_000, new LimitWindow.RollingDays(30), 2, true);
        var history = List.of(consumed(100, NOW.minus(Duration.ofDays(1))), reserved(100));
        assertThat(LimitRules.decide(capped, history, eur(100), NOW).reason())
                .isEqualTo(LimitRules.LIMIT_VELOCITY_EXCEEDED);
    }

    @Test
    void shouldResetACalendarMonthAtLocalMidnightOnTheFirst() {
        Policy monthly = new Policy("FR", "EUR", 50_000, 150_000,
                new LimitWindow.CalendarMonth(ZoneId.of("Europe/Paris")), null, true);
        // 30 Nov 23:30 Paris = 22:30 UTC; 1 Dec 00:00 Paris = 30 Nov 23:00 UTC
        Instant lateNovember = Instant.parse("2026-11-30T22:30:00Z");
        var history = List.of(consumed(150_000, lateNovember));
        assertThat(LimitRules.headroom(monthly, history, Instant.parse("2026-11-30T22:59:59Z")).remaining())
                .isEqualTo(eur(0));
        assertThat(LimitRules.headroom(monthly, history, Instant.parse("2026-11-30T23:00:00Z")).remaining())
                .isEqualTo(eur(150_000));
        assertThat(LimitRules.headroom(monthly, history, Instant.parse("2026-11-30T22:59:59Z")).nextReleaseAt())
                .isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }
}
