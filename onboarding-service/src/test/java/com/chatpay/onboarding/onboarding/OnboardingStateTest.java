package com.chatpay.onboarding.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.onboarding.onboarding.OnboardingRefusal.Reason;
import org.junit.jupiter.api.Test;

class OnboardingStateTest {

    private static OnboardingState active() {
        return OnboardingState.NEW.submitProfile(false).registerCard().setPin().verifyPhone().admit();
    }

    private static void assertRefused(Runnable step, Reason reason) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(OnboardingRefusal.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @Test
    void shouldWalkTheStepsInOrder() {
        OnboardingState s = OnboardingState.NEW;
        assertThat(s.status()).isEqualTo(OnboardingStatus.PROFILE_REQUIRED);
        assertThat(s.nextStep()).contains(OnboardingStep.PROFILE);
        s = s.submitProfile(false);
        assertThat(s.status()).isEqualTo(OnboardingStatus.CARD_REQUIRED);
        assertThat(s.nextStep()).contains(OnboardingStep.CARD);
        s = s.registerCard();
        assertThat(s.status()).isEqualTo(OnboardingStatus.PIN_REQUIRED);
        assertThat(s.nextStep()).contains(OnboardingStep.PIN);
        s = s.setPin();
        assertThat(s.status()).isEqualTo(OnboardingStatus.SMS_VERIFICATION_REQUIRED);
        assertThat(s.nextStep()).contains(OnboardingStep.SMS_VERIFICATION);
        s.requestSmsCode();
        s = s.verifyPhone().admit();
        assertThat(s.status()).isEqualTo(OnboardingStatus.ACTIVE);
        assertThat(s.nextStep()).isEmpty();
    }

    @Test
    void shouldNotActivatePaymentsUntilTheRolloutAdmitsTheUser() {
        OnboardingState done = OnboardingState.NEW.submitProfile(false).registerCard().setPin().verifyPhone();
        assertThat(done.stepsDone()).isTrue();
        assertThat(done.status()).isEqualTo(OnboardingStatus.NOT_AVAILABLE_IN_COUNTRY);
        assertThat(done.isActive()).isFalse();
        assertThat(done.nextStep()).isEmpty();
        assertRefused(done::requestSmsCode, Reason.NOT_AVAILABLE_IN_COUNTRY);
        assertThat(done.admit().status()).isEqualTo(OnboardingStatus.ACTIVE);
        assertThat(done.admit().suspend(true).status()).isEqualTo(OnboardingStatus.SUSPENDED);
        assertThat(done.admit().lock().status()).isEqualTo(OnboardingStatus.LOCKED);
    }

    @Test
    void shouldRefuseStepsOutOfOrder() {
        assertRefused(() -> OnboardingState.NEW.registerCard(), Reason.STEP_OUT_OF_ORDER);
        assertRefused(() -> OnboardingState.NEW.setPin(), Reason.STEP_OUT_OF_ORDER);
        assertRefused(() -> OnboardingState.NEW.requestSmsCode(), Reason.STEP_OUT_OF_ORDER);
        OnboardingState profiled = OnboardingState.NEW.submitProfile(false);
        assertRefused(profiled::setPin, Reason.STEP_OUT_OF_ORDER);
        assertRefused(profiled::verifyPhone, Reason.STEP_OUT_OF_ORDER);
        assertRefused(() -> profiled.registerCard().requestSmsCode(), Reason.STEP_OUT_OF_ORDER);
        assertRefused(() -> active().requestSmsCode(), Reason.ALREADY_ACTIVE);
    }

    @Test
    void shouldLockAndUnlockOnlyBySmsVerification() {
        OnboardingState locked = active().lock();
        assertThat(locked.status()).isEqualTo(OnboardingStatus.LOCKED);
        assertThat(locked.nextStep()).contains(OnboardingStep.SMS_VERIFICATION);
        assertRefused(locked::setPin, Reason.PAYMENTS_LOCKED);
        assertRefused(locked::registerCard, Reason.PAYMENTS_LOCKED);
        assertRefused(() -> locked.submitProfile(true), Reason.PAYMENTS_LOCKED);
        locked.requestSmsCode();
        assertThat(locked.verifyPhone().status()).isEqualTo(OnboardingStatus.ACTIVE);
    }

    @Test
    void shouldRequireReverificationWhenPhoneOrCountryChanges() {
        assertThat(active().submitProfile(false).status()).isEqualTo(OnboardingStatus.ACTIVE);
        assertThat(active().submitProfile(true).status()).isEqualTo(OnboardingStatus.SMS_VERIFICATION_REQUIRED);
    }

    @Test
    void shouldNeedACardAgainAfterRemovalAndBecomeActiveWhenOneIsAdded() {
        OnboardingState withoutCard = active().removeCard();
        assertThat(withoutCard.status()).isEqualTo(OnboardingStatus.CARD_REQUIRED);
        assertThat(withoutCard.registerCard().status()).isEqualTo(OnboardingStatus.ACTIVE);
    }

    @Test
    void shouldBlockEverythingWhileSuspended() {
        OnboardingState suspended = active().suspend(true);
        assertThat(suspended.status()).isEqualTo(OnboardingStatus.SUSPENDED);
        assertThat(suspended.nextStep()).isEmpty();
        assertRefused(suspended::registerCard, Reason.USER_SUSPENDED);
        assertRefused(suspended::requestSmsCode, Reason.USER_SUSPENDED);
        assertThat(suspended.suspend(false).status()).isEqualTo(OnboardingStatus.ACTIVE);
    }
}
