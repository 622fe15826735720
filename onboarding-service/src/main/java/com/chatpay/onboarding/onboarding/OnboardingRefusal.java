package com.chatpay.onboarding.onboarding;

/** A step the user's current onboarding state does not allow. Carries no user input. */
public class OnboardingRefusal extends RuntimeException {

    /** Why the step is refused. */
    public enum Reason {
        /** An earlier step is missing. */
        STEP_OUT_OF_ORDER,
        /** Payments are locked after too many wrong PINs. */
        PAYMENTS_LOCKED,
        /** Ops suspended the user. */
        USER_SUSPENDED,
        /** Onboarding is complete: there is nothing to verify. */
        ALREADY_ACTIVE,
        /** Onboarding is complete, but the country rollout has not admitted the user yet. */
        NOT_AVAILABLE_IN_COUNTRY
    }

    private final Reason reason;
    private final OnboardingStep attempted;
    private final OnboardingState state;

    public OnboardingRefusal(Reason reason, OnboardingStep attempted, OnboardingState state) {
        super(reason + " for step " + attempted + " in status " + state.status(), null, false, false);
        this.reason = reason;
        this.attempted = attempted;
        this.state = state;
    }

    public Reason reason() {
        return reason;
    }

    public OnboardingStep attempted() {
        return attempted;
    }

    public OnboardingState state() {
        return state;
    }
}
