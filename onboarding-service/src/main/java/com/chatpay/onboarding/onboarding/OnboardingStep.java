package com.chatpay.onboarding.onboarding;

/** The steps a user takes, in order, to activate payments. */
public enum OnboardingStep {
    PROFILE,
    CARD,
    PIN,
    SMS_VERIFICATION
}
