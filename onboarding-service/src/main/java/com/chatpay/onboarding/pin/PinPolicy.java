package com.chatpay.onboarding.pin;

import java.util.Set;

/**
 * Which PINs are acceptable: exactly four digits, and not one of the trivial choices an attacker tries first — a
 * repeated digit (1111), an ascending or descending run (0123, 1234, 4321, 9876), or one of the most common PINs.
 */
public final class PinPolicy {

    /** What is wrong with a PIN, if anything. */
    public enum Verdict {
        OK,
        MALFORMED,
        TOO_WEAK
    }

    /** The most frequent 4-digit PINs that are not repeated digits or runs (those are caught by rule). */
    static final Set<String> COMMON = Set.of(
            "1212", "1004", "2000", "6969", "1122", "1313", "2580", "0852", "1010", "2001",
            "1984", "1969", "2020", "1112", "0101", "1221", "7890", "0987", "2468", "1357",
            "5683", "0007", "1230", "4545");

    private PinPolicy() {
    }

    public static Verdict check(String pin) {
        if (!isWellFormed(pin)) {
            return Verdict.MALFORMED;
        }
        return isTrivial(pin) ? Verdict.TOO_WEAK : Verdict.OK;
    }

    public static boolean isWellFormed(String pin) {
        return pin != null && pin.matches("[0-9]{4}");
    }

    static boolean isTrivial(String pin) {
        return allSame(pin) || isRun(pin, 1) || isRun(pin, -1) || COMMON.contains(pin);
    }

    private static boolean allSame(String pin) {
        return pin.chars().distinct().count() == 1;
    }

    private static boolean isRun(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
