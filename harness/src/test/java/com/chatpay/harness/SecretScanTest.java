package com.chatpay.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretScanTest {

    private static boolean found(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    @Test
    void shouldFindASecretStandingAloneButNotInsideAnIdOrANumber() {
        List<Pattern> pin = SecretScan.patterns(List.of("7391"), List.of());

        assertThat(found(pin, "checking pin 7391 for alice")).isTrue();
        assertThat(found(pin, "{\"pin\":\"7391\"}")).isTrue();
        assertThat(found(pin, "payment 3f2a-7391-bb01 done")).isFalse();
        assertThat(found(pin, "took 173915 ms")).isFalse();
    }

    @Test
    void shouldFindACvcOnlyNextToItsName() {
        List<Pattern> cvc = SecretScan.patterns(List.of(), List.of("482"));

        assertThat(found(cvc, "CardRequest[number=..., cvc=482]")).isTrue();
        assertThat(found(cvc, "{\"cvc\":\"482\"}")).isTrue();
        assertThat(found(cvc, "securityCode: 482")).isTrue();
        assertThat(found(cvc, "relay published 482 events in 482 ms")).isFalse();
        assertThat(found(cvc, "{\"cvc\":\"4821\"}")).isFalse();
    }
}
