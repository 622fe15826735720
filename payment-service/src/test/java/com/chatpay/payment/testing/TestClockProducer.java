package com.chatpay.payment.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the service's clock in component tests with {@link #CLOCK}, so month boundaries can be crossed. */
@Singleton
public class TestClockProducer {

    public static final ShiftableClock CLOCK = new ShiftableClock();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
