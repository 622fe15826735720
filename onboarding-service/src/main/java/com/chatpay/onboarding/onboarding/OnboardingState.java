package com.chatpay.onboarding.onboarding;

import com.chatpay.onboarding.onboarding.OnboardingRefusal.Reason;
import java.util.Optional;

/**
 * The onboarding state machine. The state is the set of facts the steps establish (profile, card, PIN, verified
 * phone) plus the two blocking conditions (locked, suspended); the {@link #status()} follows from them in step order.
 * Each transition checks that the steps before it are done and returns the next state, or throws
 * {@link OnboardingRefusal}. Plain Java: no persistence, no clock.
 *
 * <pre>
 * PROFILE_REQUIRED → CARD_REQUIRED → PIN_REQUIRED → SMS_VERIFICATION_REQUIRED → ACTIVE
 * ACTIVE → LOCKED (3 wrong PINs) → (SMS re-verification) → ACTIVE
 * any → SUSPENDED (ops) → back where it was when reinstated
 * ACTIVE → CARD_REQUIRED (card removed); ACTIVE → SMS_VERIFICATION_REQUIRED (phone or country changed)
 * steps done but not admitted by the country rollout → NOT_AVAILABLE_IN_COUNTRY → (admitted) → ACTIVE
 * </pre>
 *
 * {@code admitted}: the country rollout let the user in (for the profile's current country). Admission is a fact
 * recorded once: lowering a rollout percentage later stops new admissions but does not take payments away.
 */
public record OnboardingState(boolean profile, boolean card, boolean pin, boolean phoneVerified, boolean locked,
        boolean suspended, boolean admitted) {

    /** A user chatpay has never seen. */
    public static final OnboardingState NEW = new OnboardingState(false, false, false, false, false, false, false);

    public OnboardingStatus status() {
        if (suspended) {
            return OnboardingStatus.SUSPENDED;
        }
        if (locked) {
            return OnboardingStatus.LOCKED;
        }
        if (!profile) {
            return OnboardingStatus.PROFILE_REQUIRED;
        }
        if (!card) {
            return OnboardingStatus.CARD_REQUIRED;
        }
        if (!pin) {
            return OnboardingStatus.PIN_REQUIRED;
        }
        if (!phoneVerified) {
            return OnboardingStatus.SMS_VERIFICATION_REQUIRED;
        }
        if (!admitted) {
            return OnboardingStatus.NOT_AVAILABLE_IN_COUNTRY;
        }
        return OnboardingStatus.ACTIVE;
    }

    /** The step the user should take next, if any. */
    public Optional<OnboardingStep> nextStep() {
        return switch (status()) {
            case PROFILE_REQUIRED -> Optional.of(OnboardingStep.PROFILE);
            case CARD_REQUIRED -> Optional.of(OnboardingStep.CARD);
            case PIN_REQUIRED -> Optional.of(OnboardingStep.PIN);
            case SMS_VERIFICATION_REQUIRED, LOCKED -> Optional.of(OnboardingStep.SMS_VERIFICATION);
            default -> Optional.empty();
        };
    }

    /** Every onboarding step is done (whatever the rollout, a lock or a suspension say). */
    public boolean stepsDone() {
        return profile && card && pin && phoneVerified;
    }

    /** The rollout admitted the user. */
    public OnboardingState admit() {
        return new OnboardingState(profile, card, pin, phoneVerified, locked, suspended, true);
    }

    public boolean isActive() {
        return status() == OnboardingStatus.ACTIVE;
    }

    /**
     * The profile is entered or changed. A changed phone number or country needs a new SMS verification (the
     * phone is where codes go; the country fixes the currency). Refused while locked, so a stolen session cannot
     * redirect the unlocking SMS.
     */
    public OnboardingState submitProfile(boolean phoneOrCountryChanged) {
        requireUnblocked(OnboardingStep.PROFILE);
        return new OnboardingState(true, card, pin, phoneVerified && !phoneOrCountryChanged, false, false, admitted);
    }

    /** A card is registered (or replaces the current one). */
    public OnboardingState registerCard() {
        requireUnblocked(OnboardingStep.CARD);
        requireDone(profile, OnboardingStep.CARD);
        return new OnboardingState(true, true, pin, phoneVerified, false, false, admitted);
    }

    /** The card is removed: payments need a card again. Allowed even when locked or suspended. */
    public OnboardingState removeCard() {
        return new OnboardingState(profile, false, pin, phoneVerified, locked, suspended, admitted);
    }

    /** A PIN is chosen or changed. */
    public OnboardingState setPin() {
        requireUnblocked(OnboardingStep.PIN);
        requireDone(profile, OnboardingStep.PIN);
        requireDone(card, OnboardingStep.PIN);
        return new OnboardingState(true, true, true, phoneVerified, false, false, admitted);
    }

    /** Checks that an SMS code may be sent now: to finish onboarding, or to unlock payments. */
    public OnboardingState requestSmsCode() {
        if (suspended) {
            throw new OnboardingRefusal(Reason.USER_SUSPENDED, OnboardingStep.SMS_VERIFICATION, this);
        }
        if (locked) {
            return this;
        }
        OnboardingStatus status = status();
        if (status == OnboardingStatus.ACTIVE) {
            throw new OnboardingRefusal(Reason.ALREADY_ACTIVE, OnboardingStep.SMS_VERIFICATION, this);
        }
        if (status == OnboardingStatus.NOT_AVAILABLE_IN_COUNTRY) {
            throw new OnboardingRefusal(Reason.NOT_AVAILABLE_IN_COUNTRY, OnboardingStep.SMS_VERIFICATION, this);
        }
        if (status != OnboardingStatus.SMS_VERIFICATION_REQUIRED) {
            throw new OnboardingRefusal(Reason.STEP_OUT_OF_ORDER, OnboardingStep.SMS_VERIFICATION, this);
        }
        return this;
    }

    /** The SMS code was right: the phone is verified and a lock is lifted. */
    public OnboardingState verifyPhone() {
        requestSmsCode();
        return new OnboardingState(profile, card, pin, true, false, false, admitted);
    }

    /** Too many wrong PINs. */
    public OnboardingState lock() {
        return new OnboardingState(profile, card, pin, phoneVerified, true, suspended, admitted);
    }

    /** Ops suspend ({@code true}) or reinstate ({@code false}) the user. */
    public OnboardingState suspend(boolean suspend) {
        return new OnboardingState(profile, card, pin, phoneVerified, locked, suspend, admitted);
    }

    private void requireUnblocked(OnboardingStep step) {
        if (suspended) {
            throw new OnboardingRefusal(Reason.USER_SUSPENDED, step, this);
        }
        if (locked) {
            throw new OnboardingRefusal(Reason.PAYMENTS_LOCKED, step, this);
        }
    }

    private void requireDone(boolean earlierStepDone, OnboardingStep step) {
        if (!earlierStepDone) {
            throw new OnboardingRefusal(Reason.STEP_OUT_OF_ORDER, step, this);
        }
    }
}
