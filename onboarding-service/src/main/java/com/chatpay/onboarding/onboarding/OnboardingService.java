package com.chatpay.onboarding.onboarding;

import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.onboarding.rollout.CountryRolloutRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads the onboarding state, and announces activations to the other services. */
@ApplicationScoped
public class OnboardingService {

    private final PaymentProfileRepository profiles;
    private final CountryRolloutRepository rollouts;
    private final Outbox outbox;
    private final OnboardingMetrics metrics;

    public OnboardingService(PaymentProfileRepository profiles, CountryRolloutRepository rollouts, Outbox outbox,
            OnboardingMetrics metrics) {
        this.profiles = profiles;
        this.rollouts = rollouts;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @WithSession
    public Uni<OnboardingView> status(String userId) {
        return profiles.findById(userId).map(p -> OnboardingView.of(PaymentProfile.stateOf(p)));
    }

    /**
     * Publishes {@code PaymentsActivated} when a step took the user from any other status into ACTIVE (first
     * activation, unlock, re-verification, a card added back). A user who has done every step but whom the country
     * rollout has not admitted yet is admitted here if the rollout now lets them in, and otherwise stays
     * NOT_AVAILABLE_IN_COUNTRY (no event). Runs inside the caller's transaction.
     */
    public Uni<Void> announceIfActivated(OnboardingState before, PaymentProfile profile, String cardToken,
            Instant now) {
        return admitIfInRollout(profile).chain(() -> announce(before, profile, cardToken, now));
    }

    private Uni<Void> admitIfInRollout(PaymentProfile profile) {
        OnboardingState state = profile.state();
        if (state.admitted() || !state.stepsDone()) {
            return Uni.createFrom().voidItem();
        }
        return rollouts.readShared(profile.country).invoke(rollout -> {
            if (rollout != null && rollout.admits(profile.userId)) {
                profile.admittedCountry = profile.country;
            } else {
                metrics.step("rollout", "not_available");
            }
        }).replaceWithVoid();
    }

    /**
     * The rollout sweep admits a user who had done every step (the caller holds the profile's row lock): the user
     * becomes ACTIVE, unless locked or suspended, and {@code PaymentsActivated} is published. Runs inside the
     * caller's transaction.
     */
    public Uni<Void> admit(PaymentProfile profile, String cardToken, Instant now) {
        OnboardingState before = profile.state();
        profile.admittedCountry = profile.country;
        profile.updatedAt = now;
        metrics.step("rollout", "admitted");
        return announce(before, profile, cardToken, now);
    }

    private Uni<Void> announce(OnboardingState before, PaymentProfile profile, String cardToken, Instant now) {
        OnboardingState after = profile.state();
        if (before.isActive() || !after.isActive()) {
            return Uni.createFrom().voidItem();
        }
        profile.activatedAt = now;
        PaymentsActivated event = new PaymentsActivated(profile.userId, profile.country,
                CountryCurrency.of(profile.country).orElseThrow(), cardToken, profile.firstName, profile.locale, now);
        return outbox.publish(event, profile.userId).replaceWithVoid();
    }
}
