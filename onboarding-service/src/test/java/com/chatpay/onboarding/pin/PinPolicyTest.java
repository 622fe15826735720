package com.chatpay.onboarding.pin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"0000", "1111", "7777", "9999"})
    void shouldRefuseRepeatedDigits(String pin) {
        assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.TOO_WEAK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123", "1234", "3456", "6789", "4321", "9876", "3210"})
    void shouldRefuseAscendingAndDescendingRuns(String pin) {
        assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.TOO_WEAK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1212", "1004", "2000", "6969", "1122", "1313", "2580"})
    void shouldRefuseTheMostCommonPins(String pin) {
        assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.TOO_WEAK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3817", "5091", "7264", "1235", "8642"})
    void shouldAcceptOrdinaryPins(String pin) {
        assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", " 381", "３８１７"})
    void shouldRefuseAnythingButFourAsciiDigits(String pin) {
        assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.MALFORMED);
    }
}
