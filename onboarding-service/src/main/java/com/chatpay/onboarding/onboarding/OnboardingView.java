package com.chatpay.onboarding.onboarding;

/** {@code GET /v1/me/onboarding}: the status and the step to take next ({@code null} when none). */
public record OnboardingView(OnboardingStatus status, OnboardingStep nextStep) {

    public static OnboardingView of(OnboardingState state) {
        return new OnboardingView(state.status(), state.nextStep().orElse(null));
    }
}
