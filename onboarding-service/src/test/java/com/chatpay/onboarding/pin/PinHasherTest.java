package com.chatpay.onboarding.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PinHasherTest {

    private static byte[] pepper(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    private final PinHasher hasher = new PinHasher(pepper(7), PinHasher.DEFAULT_ITERATIONS);

    @Test
    void shouldVerifyTheRightPinAndRefuseAWrongOne() {
        PinHasher.PinHash stored = hasher.hash("3817");
        assertThat(hasher.verify("3817", stored)).isTrue();
        assertThat(hasher.verify("3818", stored)).isFalse();
    }

    @Test
    void shouldSaltEachHash() {
        PinHasher.PinHash a = hasher.hash("3817");
        PinHasher.PinHash b = hasher.hash("3817");
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(a.hash()).hasSize(32);
        assertThat(a.iterations()).isEqualTo(PinHasher.DEFAULT_ITERATIONS);
    }

    @Test
    void shouldDependOnThePepper() {
        PinHasher.PinHash stored = hasher.hash("3817");
        PinHasher otherPepper = new PinHasher(pepper(8), PinHasher.DEFAULT_ITERATIONS);
        assertThat(otherPepper.verify("3817", stored)).isFalse();
    }

    @Test
    void shouldVerifyWithTheIterationsStoredWithTheHash() {
        PinHasher.PinHash stored = new PinHasher(pepper(7), 1_000).hash("3817");
        assertThat(hasher.verify("3817", stored)).isTrue();
        PinHasher.PinHash wrongCost = new PinHasher.PinHash(stored.hash(), stored.salt(), 1_001);
        assertThat(hasher.verify("3817", wrongCost)).isFalse();
    }
}
