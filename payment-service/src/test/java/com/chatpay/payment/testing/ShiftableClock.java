package com.chatpay.payment.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in component tests: the system clock, shifted by an offset a test sets. Unlike a fixed clock it
 * keeps ticking, so timeouts and the other tests of the module run as usual while the offset is zero.
 */
public final class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, "now" is {@code instant} (and time goes on from there). */
    public void setNow(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
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
