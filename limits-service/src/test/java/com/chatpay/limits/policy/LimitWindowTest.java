package com.chatpay.limits.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LimitWindowTest {

    @Test
    void shouldParseRollingDaysAndCalendarMonths() {
        assertThat(LimitWindow.parse("P30D", null)).isEqualTo(new LimitWindow.RollingDays(30));
        assertThat(LimitWindow.parse("CALENDAR_MONTH", "Europe/Paris"))
                .isEqualTo(new LimitWindow.CalendarMonth(ZoneId.of("Europe/Paris")));
        assertThatThrownBy(() -> LimitWindow.parse("P1M", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitWindow.parse("P0D", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitWindow.parse("CALENDAR_MONTH", "Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepMonthBoundariesAtLocalMidnightAcrossDaylightSavingChanges() {
        LimitWindow paris = new LimitWindow.CalendarMonth(ZoneId.of("Europe/Paris"));
        // March 2026: clocks go forward on the 29th; April starts at 00:00 CEST = 22:00 UTC on 31 March
        assertThat(paris.releaseOf(Instant.parse("2026-03-15T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        // November starts at 00:00 CET = 23:00 UTC on 31 October (after the October change)
        assertThat(paris.start(Instant.parse("2026-11-26T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void shouldReleaseARollingAmountExactlyNDaysLater() {
        LimitWindow thirty = new LimitWindow.RollingDays(30);
        assertThat(thirty.releaseOf(Instant.parse("2026-11-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(thirty.label()).isEqualTo("P30D");
    }
}
