package com.chatpay.onboarding.onboarding;

import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Reads the onboarding state, and announces activations to the other services. */
@ApplicationScoped
public class OnboardingService {

    private final PaymentProfileRepository profiles;
    private final Outbox outbox;

    public OnboardingService(PaymentProfileRepository profiles, Outbox outbox) {
        this.profiles = profiles;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<OnboardingView> status(String userId) {
        return profiles.findById(userId).map(p -> OnboardingView.of(PaymentProfile.stateOf(p)));
    }

    /**
     * Publishes {@code PaymentsActivated} when a step took the user from any other status into ACTIVE (first
     * activation, unlock, re-verification, a card added back). Runs inside the caller's transaction.
     */
    public Uni<Void> announceIfActivated(OnboardingState before, PaymentProfile profile, String cardToken,
            Instant now) {
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
