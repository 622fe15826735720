package com.chatpay.onboarding.pin;

import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.OnboardingState;
import com.chatpay.onboarding.onboarding.OnboardingView;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Chooses and changes the PIN. */
@ApplicationScoped
public class PinService {

    /** The outcome of {@link #setPin}: the new onboarding view, or the failed check of the current PIN. */
    public record PinChange(OnboardingView onboarding, PinCheck currentPinCheck) {
    }

    private final PaymentProfileRepository profiles;
    private final PinVerifier verifier;
    private final OnboardingService onboarding;
    private final Clock clock;

    public PinService(PaymentProfileRepository profiles, PinVerifier verifier, OnboardingService onboarding,
            Clock clock) {
        this.profiles = profiles;
        this.verifier = verifier;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    /**
     * Sets a well-formed, non-trivial PIN. Changing an existing PIN needs the current one, and a wrong current PIN
     * counts as a wrong PIN (it would otherwise be a free guessing oracle); the count is committed either way.
     */
    @WithTransaction
    public Uni<PinChange> setPin(String userId, String pin, String currentPin) {
        Instant now = clock.instant();
        return profiles.lock(userId).chain(profile -> {
            OnboardingState before = PaymentProfile.stateOf(profile);
            OnboardingState after = before.setPin();
            if (profile.pinHash == null) {
                return store(profile, before, after, pin, now);
            }
            if (currentPin == null || currentPin.isEmpty()) {
                return Uni.createFrom().failure(
                        ApiException.validation("currentPin", "is required to change the PIN"));
            }
            return verifier.check(profile, currentPin).chain(check -> check.right()
                    ? store(profile, before, after, pin, now)
                    : Uni.createFrom().item(new PinChange(OnboardingView.of(profile.state()), check)));
        });
    }

    private Uni<PinChange> store(PaymentProfile profile, OnboardingState before, OnboardingState after, String pin,
            Instant now) {
        verifier.store(profile, pin);
        profile.apply(after, now);
        return onboarding.announceIfActivated(before, profile, null, now)
                .replaceWith(() -> new PinChange(OnboardingView.of(profile.state()), null));
    }
}
