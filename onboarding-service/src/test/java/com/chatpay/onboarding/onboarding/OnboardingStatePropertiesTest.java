package com.chatpay.onboarding.onboarding;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.chatpay.onboarding.onboarding.OnboardingRefusal.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Properties of the {@link OnboardingState} machine over random histories of user and ops actions: the advised next
 * step is always allowed and leads to the end of onboarding; steps happen only in order; a suspension blocks every
 * step and reinstating gives back the state it interrupted; a lock blocks profile, card and PIN until an SMS
 * verification lifts it; and each step is refused exactly when its documented precondition does not hold, with the
 * documented reason.
 */
class OnboardingStatePropertiesTest {

    private static final int TRIES = 500;

    /** An action on the state machine; {@code lock} is only possible once a PIN exists (it follows wrong PINs). */
    enum Action {
        PROFILE(s -> s.submitProfile(false)),
        PROFILE_NEW_PHONE(s -> s.submitProfile(true)),
        CARD(OnboardingState::registerCard),
        REMOVE_CARD(OnboardingState::removeCard),
        PIN(OnboardingState::setPin),
        SMS_REQUEST(OnboardingState::requestSmsCode),
        SMS_VERIFIED(OnboardingState::verifyPhone),
        LOCK(s -> s.pin() ? s.lock() : s),
        SUSPEND(s -> s.suspend(true)),
        REINSTATE(s -> s.suspend(false)),
        ADMIT(OnboardingState::admit);

        final UnaryOperator<OnboardingState> apply;

        Action(UnaryOperator<OnboardingState> apply) {
            this.apply = apply;
        }
    }

    @Test
    void shouldAlwaysAllowTheAdvisedNextStepAndEndOnboardingByFollowingIt() {
        forAll(TRIES, OnboardingStatePropertiesTest::reachable, String::valueOf, start -> {
            OnboardingState state = start;
            for (int step = 0; step < 5 && state.nextStep().isPresent(); step++) {
                OnboardingStep advised = state.nextStep().get();
                OnboardingState before = state;
                state = switch (advised) {
                    case PROFILE -> before.submitProfile(false);
                    case CARD -> before.registerCard();
                    case PIN -> before.setPin();
                    case SMS_VERIFICATION -> before.verifyPhone();
                };
                assertThat(state).as("%s from %s", advised, before).isNotEqualTo(before);
            }
            assertThat(state.nextStep()).isEmpty();
            assertThat(state.status()).isIn(OnboardingStatus.ACTIVE, OnboardingStatus.NOT_AVAILABLE_IN_COUNTRY,
                    OnboardingStatus.SUSPENDED);
            assertThat(state.stepsDone() || state.suspended()).isTrue();
        });
    }

    @Test
    void shouldEstablishStepsOnlyInOrderWhateverTheHistory() {
        forAll(TRIES, OnboardingStatePropertiesTest::history, List::toString, actions -> {
            OnboardingState state = OnboardingState.NEW;
            for (Action action : actions) {
                state = applyOrKeep(state, action);
                assertThat(!state.card() || state.profile()).as("a card needs a profile: %s", state).isTrue();
                assertThat(!state.pin() || state.profile()).as("a PIN needs a profile: %s", state).isTrue();
                assertThat(!state.phoneVerified() || state.pin()).as("SMS verification needs a PIN: %s", state)
                        .isTrue();
                assertThat(!state.isActive() || (state.stepsDone() && state.admitted())).isTrue();
            }
        });
    }

    @Test
    void shouldRefuseEveryStepOfASuspendedUserAndGiveBackTheInterruptedStateOnReinstatement() {
        forAll(TRIES, OnboardingStatePropertiesTest::reachable, String::valueOf, state -> {
            OnboardingState before = state.suspend(false);
            OnboardingState suspended = before.suspend(true);
            assertThat(suspended.status()).isEqualTo(OnboardingStatus.SUSPENDED);
            assertThat(suspended.nextStep()).isEmpty();
            for (Action action : List.of(Action.PROFILE, Action.PROFILE_NEW_PHONE, Action.CARD, Action.PIN,
                    Action.SMS_REQUEST, Action.SMS_VERIFIED)) {
                OnboardingRefusal refusal = catchThrowableOfType(() -> action.apply.apply(suspended),
                        OnboardingRefusal.class);
                assertThat(refusal).as(action.name()).isNotNull();
                assertThat(refusal.reason()).isEqualTo(Reason.USER_SUSPENDED);
                assertThat(refusal.state()).isEqualTo(suspended);
            }
            assertThat(suspended.suspend(false)).isEqualTo(before);
        });
    }

    @Test
    void shouldBlockProfileCardAndPinWhileLockedUntilAnSmsVerificationLiftsTheLock() {
        forAll(TRIES, r -> {
            OnboardingState state = reachable(r).suspend(false);
            return state.pin() ? state : state.submitProfile(false).registerCard().setPin();
        }, String::valueOf, state -> {
            OnboardingState locked = state.lock();
            assertThat(locked.status()).isEqualTo(OnboardingStatus.LOCKED);
            assertThat(locked.nextStep()).contains(OnboardingStep.SMS_VERIFICATION);
            for (Action action : List.of(Action.PROFILE, Action.PROFILE_NEW_PHONE, Action.CARD, Action.PIN)) {
                OnboardingRefusal refusal = catchThrowableOfType(() -> action.apply.apply(locked),
                        OnboardingRefusal.class);
                assertThat(refusal).as(action.name()).isNotNull();
                assertThat(refusal.reason()).isEqualTo(Reason.PAYMENTS_LOCKED);
            }
            assertThat(locked.requestSmsCode()).isEqualTo(locked);
            OnboardingState unlocked = locked.verifyPhone();
            assertThat(unlocked.locked()).isFalse();
            assertThat(unlocked.phoneVerified()).isTrue();
            assertThat(unlocked).isEqualTo(new OnboardingState(state.profile(), state.card(), true, true, false,
                    false, state.admitted()));
        });
    }

    @Test
    void shouldRefuseEachStepExactlyWhenItsPreconditionFailsWithTheDocumentedReason() {
        for (int bits = 0; bits < 128; bits++) {
            OnboardingState s = new OnboardingState((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0,
                    (bits & 8) != 0, (bits & 16) != 0, (bits & 32) != 0, (bits & 64) != 0);
            Optional<Reason> blocked = s.suspended() ? Optional.of(Reason.USER_SUSPENDED)
                    : s.locked() ? Optional.of(Reason.PAYMENTS_LOCKED) : Optional.empty();
            expect(s, Action.PROFILE, blocked);
            expect(s, Action.CARD, blocked.or(() -> s.profile() ? Optional.empty()
                    : Optional.of(Reason.STEP_OUT_OF_ORDER)));
            expect(s, Action.PIN, blocked.or(() -> s.profile() && s.card() ? Optional.empty()
                    : Optional.of(Reason.STEP_OUT_OF_ORDER)));
            Optional<Reason> sms = s.suspended() ? Optional.of(Reason.USER_SUSPENDED)
                    : s.locked() || s.status() == OnboardingStatus.SMS_VERIFICATION_REQUIRED ? Optional.empty()
                    : s.status() == OnboardingStatus.ACTIVE ? Optional.of(Reason.ALREADY_ACTIVE)
                    : s.status() == OnboardingStatus.NOT_AVAILABLE_IN_COUNTRY
                            ? Optional.of(Reason.NOT_AVAILABLE_IN_COUNTRY) : Optional.of(Reason.STEP_OUT_OF_ORDER);
            expect(s, Action.SMS_REQUEST, sms);
            expect(s, Action.SMS_VERIFIED, sms);
            // always allowed: removing the card, locking, suspending, admitting
            for (Action free : EnumSet.of(Action.REMOVE_CARD, Action.SUSPEND, Action.REINSTATE, Action.ADMIT)) {
                expect(s, free, Optional.empty());
            }
        }
    }

    @Test
    void shouldRequireANewSmsVerificationExactlyWhenThePhoneOrCountryChanges() {
        forAll(TRIES, OnboardingStatePropertiesTest::reachable, String::valueOf, state -> {
            OnboardingState s = state.suspend(false);
            if (s.locked()) {
                return;
            }
            assertThat(s.submitProfile(true).phoneVerified()).isFalse();
            assertThat(s.submitProfile(false).phoneVerified()).isEqualTo(s.phoneVerified());
            if (s.isActive()) {
                assertThat(s.submitProfile(true).status()).isEqualTo(OnboardingStatus.SMS_VERIFICATION_REQUIRED);
                assertThat(s.submitProfile(false).status()).isEqualTo(OnboardingStatus.ACTIVE);
            }
        });
    }

    private static void expect(OnboardingState state, Action action, Optional<Reason> refusal) {
        try {
            OnboardingState after = action.apply.apply(state);
            assertThat(refusal).as("%s allowed in %s", action, state).isEmpty();
            assertThat(after).isNotNull();
        } catch (OnboardingRefusal e) {
            assertThat(refusal).as("%s refused in %s", action, state).contains(e.reason());
            assertThat(e.state()).isEqualTo(state);
        }
    }

    /** The action applied, or the state kept when refused (a refusal changes nothing and names the state). */
    private static OnboardingState applyOrKeep(OnboardingState state, Action action) {
        try {
            return action.apply.apply(state);
        } catch (OnboardingRefusal e) {
            assertThat(e.state()).isEqualTo(state);
            return state;
        }
    }

    private static List<Action> history(SplittableRandom r) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0, n = r.nextInt(0, 40); i < n; i++) {
            actions.add(Action.values()[r.nextInt(Action.values().length)]);
        }
        return actions;
    }

    /** A state reached from {@link OnboardingState#NEW} by a random history. */
    private static OnboardingState reachable(SplittableRandom r) {
        OnboardingState state = OnboardingState.NEW;
        for (Action action : history(r)) {
            state = applyOrKeep(state, action);
        }
        return state;
    }
}
