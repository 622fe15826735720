package com.chatpay.onboarding.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CardVaultTest {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(filled(1));
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(filled(2));
    private static final String PAN = "4111111111111111";

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void shouldRoundTripWithTheActiveKeyAndRecordItsId() {
        CardVault vault = CardVault.fromConfig("old:" + OLD_KEY + ", new:" + NEW_KEY, "new");
        CardVault.Sealed sealed = vault.encrypt(PAN, "alice");
        assertThat(sealed.keyId()).isEqualTo("new");
        assertThat(vault.decrypt(sealed, "alice")).isEqualTo(PAN);
    }

    @Test
    void shouldNotContainThePanAndUseAFreshIvEachTime() {
        CardVault vault = CardVault.fromConfig("k:" + NEW_KEY, "k");
        CardVault.Sealed a = vault.encrypt(PAN, "alice");
        CardVault.Sealed b = vault.encrypt(PAN, "alice");
        assertThat(new String(a.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(PAN);
        assertThat(a.ciphertext()).hasSize(12 + PAN.length() + 16);
        assertThat(Arrays.copyOf(a.ciphertext(), 12)).isNotEqualTo(Arrays.copyOf(b.ciphertext(), 12));
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void shouldStillDecryptDataSealedWithARotatedOutKey() {
        CardVault before = CardVault.fromConfig("old:" + OLD_KEY, "old");
        CardVault.Sealed sealedWithOld = before.encrypt(PAN, "alice");

        CardVault after = CardVault.fromConfig("old:" + OLD_KEY + ",new:" + NEW_KEY, "new");
        assertThat(after.decrypt(sealedWithOld, "alice")).isEqualTo(PAN);
        assertThat(after.encrypt(PAN, "alice").keyId()).isEqualTo("new");

        CardVault withoutOld = CardVault.fromConfig("new:" + NEW_KEY, "new");
        assertThatThrownBy(() -> withoutOld.decrypt(sealedWithOld, "alice")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseCiphertextMovedToAnotherOwnerOrTampered() {
        CardVault vault = CardVault.fromConfig("k:" + NEW_KEY, "k");
        CardVault.Sealed sealed = vault.encrypt(PAN, "alice");
        assertThatThrownBy(() -> vault.decrypt(sealed, "mallory")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(PAN);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> vault.decrypt(new CardVault.Sealed("k", tampered), "alice"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseBadConfiguration() {
        assertThatThrownBy(() -> CardVault.fromConfig("k:" + NEW_KEY, "other")).isInstanceOf(IllegalStateException.class);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> CardVault.fromConfig("k:" + shortKey, "k")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CardVault.fromConfig(NEW_KEY, "k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFingerprintTheSameCardTheSameWayOnlyUnderTheSameKey() {
        CardFingerprint a = new CardFingerprint(filled(3));
        assertThat(a.of(PAN)).isEqualTo(a.of(PAN)).doesNotContain(PAN);
        assertThat(a.of(PAN)).isNotEqualTo(a.of("5555555555554444"));
        assertThat(new CardFingerprint(filled(4)).of(PAN)).isNotEqualTo(a.of(PAN));
    }
}
