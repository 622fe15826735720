package com.chatpay.onboarding.testing;

import com.chatpay.testsupport.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the service's clock in component tests; tests reset it to now before each test and move it by hand. */
@Singleton
public class TestClockProducer {

    @Produces
    @Singleton
    MutableClock clock() {
        return MutableClock.systemNow();
    }
}
