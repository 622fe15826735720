package com.chatpay.onboarding.pin;

/** The result of checking a PIN against the stored verifier, after the attempt was counted. */
public record PinCheck(Outcome outcome, int attemptsRemaining) {

    public enum Outcome {
        RIGHT,
        /** Wrong, with attempts remaining. */
        WRONG,
        /** Wrong, and that was the last allowed attempt: payments are now locked. */
        LOCKED
    }

    public boolean right() {
        return outcome == Outcome.RIGHT;
    }
}
