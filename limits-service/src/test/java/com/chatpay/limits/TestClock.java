package com.chatpay.limits;

import com.chatpay.testsupport.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the service's clock in component tests so windows can be crossed without waiting 30 days. */
@Singleton
public class TestClock {

    public static final MutableClock CLOCK = MutableClock.systemNow();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
