package com.chatpay.onboarding.onboarding;

/** Where a user stands: the next onboarding step to take, or whether payments are usable. */
public enum OnboardingStatus {
    PROFILE_REQUIRED,
    CARD_REQUIRED,
    PIN_REQUIRED,
    SMS_VERIFICATION_REQUIRED,
    ACTIVE,
    /** Too many wrong PINs: an SMS re-verification unlocks payments. */
    LOCKED,
    /** Suspended by ops. */
    SUSPENDED,
    /** The user's country is not open to payments (the rollout). */
    NOT_AVAILABLE_IN_COUNTRY
}
