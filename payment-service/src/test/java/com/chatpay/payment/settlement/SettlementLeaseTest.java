package com.chatpay.payment.settlement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A settlement's claim outlasts the reservation's backstop, or the service does not start. */
class SettlementLeaseTest {

    @Test
    void shouldRefuseALeaseNoLongerThanTheBackstop() {
        assertThatThrownBy(() -> PaymentSettlement.requireLeaseLongerThanBackstop(Duration.ofSeconds(10),
                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settlement-lease (PT10S) must be longer than")
                .hasMessageContaining("settlement-backstop (PT10S)");
        assertThatThrownBy(() -> PaymentSettlement.requireLeaseLongerThanBackstop(Duration.ofSeconds(5),
                Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAcceptTheDefaultsAndTheReliabilityStacksLease() {
        assertThatCode(() -> PaymentSettlement.requireLeaseLongerThanBackstop(Duration.ofSeconds(30),
                Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatCode(() -> PaymentSettlement.requireLeaseLongerThanBackstop(Duration.ofSeconds(15),
                Duration.ofSeconds(10))).doesNotThrowAnyException();
    }
}
