package com.chatpay.onboarding.pin;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PinPolicy}: every one of the 10,000 four-digit PINs is classified OK or TOO_WEAK (never
 * MALFORMED); every repeated digit, ascending or descending run and common PIN is too weak and every other one is
 * OK; and nothing but exactly four ASCII digits is ever taken as a PIN. Failures show the shape of a PIN, not the PIN.
 */
class PinPolicyPropertiesTest {

    @Test
    void shouldClassifyEveryFourDigitPinAsTooWeakExactlyWhenRepeatedARunOrCommon() {
        int weak = 0;
        for (int n = 0; n <= 9999; n++) {
            String pin = String.format("%04d", n);
            boolean trivial = repeated(pin) || run(pin, 1) || run(pin, -1) || PinPolicy.COMMON.contains(pin);
            PinPolicy.Verdict verdict = PinPolicy.check(pin);
            assertThat(PinPolicy.isWellFormed(pin)).as("candidate #%d is well formed", n).isTrue();
            assertThat(verdict).as("verdict on candidate #%d", n)
                    .isEqualTo(trivial ? PinPolicy.Verdict.TOO_WEAK : PinPolicy.Verdict.OK);
            weak += trivial ? 1 : 0;
        }
        // 10 repeated, 7 ascending and 7 descending runs, and the common list (disjoint from those)
        assertThat(weak).isEqualTo(10 + 7 + 7 + PinPolicy.COMMON.size());
    }

    @Test
    void shouldRefuseEveryRepeatedDigitAndEveryRunAsTooWeak() {
        forAll(500, r -> {
            int kind = r.nextInt(3);
            StringBuilder pin = new StringBuilder();
            int start = kind == 0 ? r.nextInt(10) : kind == 1 ? r.nextInt(0, 7) : r.nextInt(3, 10);
            for (int i = 0; i < 4; i++) {
                pin.append((char) ('0' + start + (kind == 0 ? 0 : kind == 1 ? i : -i)));
            }
            return pin.toString();
        }, pin -> "a " + (repeated(pin) ? "repeated" : "run") + " PIN", pin ->
                assertThat(PinPolicy.check(pin)).isEqualTo(PinPolicy.Verdict.TOO_WEAK));
    }

    @Test
    void shouldTakeNothingButExactlyFourAsciiDigitsAsAPin() {
        forAll(3000, PinPolicyPropertiesTest::candidate, PinPolicyPropertiesTest::shape, candidate -> {
            boolean fourAsciiDigits = candidate != null && candidate.length() == 4
                    && candidate.chars().allMatch(c -> c >= '0' && c <= '9');
            assertThat(PinPolicy.isWellFormed(candidate)).isEqualTo(fourAsciiDigits);
            if (!fourAsciiDigits) {
                assertThat(PinPolicy.check(candidate)).isEqualTo(PinPolicy.Verdict.MALFORMED);
            } else {
                assertThat(PinPolicy.check(candidate)).isNotEqualTo(PinPolicy.Verdict.MALFORMED);
            }
        });
    }

    private static boolean repeated(String pin) {
        return pin.chars().allMatch(c -> c == pin.charAt(0));
    }

    private static boolean run(String pin, int step) {
        int first = pin.charAt(0) - '0';
        for (int i = 1; i < 4; i++) {
            if (pin.charAt(i) - '0' != first + step * i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Null, four-digit PINs with white space or a new line around, 0–8 characters of ASCII and non-ASCII digits
     * (Arabic-Indic, full-width, Devanagari), signs, letters and controls.
     */
    private static String candidate(SplittableRandom r) {
        String four = String.format("%04d", r.nextInt(10000));
        String alphabet = "0123456789\u0660\u0665\uff10\uff19\u0967 +-.aO\n\u0000";
        return switch (r.nextInt(8)) {
            case 0 -> null;
            case 1 -> four;
            case 2 -> four + "\n";
            case 3 -> " " + four;
            case 4 -> four.substring(0, 3) + alphabet.charAt(10 + r.nextInt(alphabet.length() - 10));
            default -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0, n = r.nextInt(0, 9); i < n; i++) {
                    text.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                yield text.toString();
            }
        };
    }

    /** A candidate's shape: length and character classes, never its digits. */
    private static String shape(String candidate) {
        if (candidate == null) {
            return "null";
        }
        StringBuilder shape = new StringBuilder(candidate.length() + " chars: ");
        candidate.chars().forEach(c -> shape.append(c >= '0' && c <= '9' ? 'd' : Character.isDigit(c) ? 'u' : 'x'));
        return shape.toString();
    }
}
