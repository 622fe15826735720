package com.chatpay.limits.policy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window a limit applies to: either rolling days ending now ({@code P30D}) or the calendar month of a time
 * zone ({@code CALENDAR_MONTH} reset at midnight on the 1st).
 */
public sealed interface LimitWindow {

    /** The first instant that still counts at {@code now}: amounts consumed before it no longer count. */
    Instant start(Instant now);

    /** When an amount consumed at {@code consumedAt} stops counting. */
    Instant releaseOf(Instant consumedAt);

    /** The API form: {@code P30D} or {@code CALENDAR_MONTH}. */
    String label();

    /** A rolling window of whole days: an amount counts for exactly {@code days} × 24 h after it was consumed. */
    record RollingDays(int days) implements LimitWindow {
        public RollingDays {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("a rolling window is 1 to 366 days");
            }
        }

        @Override
        public Instant start(Instant now) {
            return now.minus(Duration.ofDays(days));
        }

        @Override
        public Instant releaseOf(Instant consumedAt) {
            return consumedAt.plus(Duration.ofDays(days));
        }

        @Override
        public String label() {
            return "P" + days + "D";
        }
    }

    /** The calendar month in {@code zone}: everything resets at 00:00 local time on the 1st (DST-safe). */
    record CalendarMonth(ZoneId zone) implements LimitWindow {
        @Override
        public Instant start(Instant now) {
            return ZonedDateTime.ofInstant(now, zone).with(TemporalAdjusters.firstDayOfMonth())
                    .truncatedTo(ChronoUnit.DAYS).toInstant();
        }

        @Override
        public Instant releaseOf(Instant consumedAt) {
            return ZonedDateTime.ofInstant(consumedAt, zone).with(TemporalAdjusters.firstDayOfNextMonth())
                    .truncatedTo(ChronoUnit.DAYS).toInstant();
        }

        @Override
        public String label() {
            return CALENDAR_MONTH;
        }
    }

    String CALENDAR_MONTH = "CALENDAR_MONTH";

    /** Parses the API form; the time zone matters only for calendar months. */
    static LimitWindow parse(String label, String timeZone) {
        if (CALENDAR_MONTH.equals(label)) {
            try {
                return new CalendarMonth(ZoneId.of(timeZone == null ? "UTC" : timeZone));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone");
            }
        }
        Matcher days = ROLLING_DAYS.matcher(label == null ? "" : label);
        if (!days.matches()) {
            throw new IllegalArgumentException("window must look like P30D or be CALENDAR_MONTH");
        }
        return new RollingDays(Integer.parseInt(days.group(1)));
    }

    Pattern ROLLING_DAYS = Pattern.compile("P(\\d{1,3})D");
}
