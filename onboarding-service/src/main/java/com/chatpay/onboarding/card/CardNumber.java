package com.chatpay.onboarding.card;

/** Card number (PAN) arithmetic. Never logs or echoes the number. */
public final class CardNumber {

    public static final int MIN_LENGTH = 13;
    public static final int MAX_LENGTH = 19;

    private CardNumber() {
    }

    /** The input without the spaces people type between digit groups. */
    public static String normalise(String input) {
        return input == null ? null : input.replace(" ", "");
    }

    public static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public static boolean hasValidLength(String digits) {
        return digits.length() >= MIN_LENGTH && digits.length() <= MAX_LENGTH;
    }

    /** The Luhn (mod 10) check digit rule. Digits only. */
    public static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }
}
