package com.chatpay.onboarding.ops;

import com.chatpay.common.events.OnboardingEvents.UserSuspended;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.onboarding.OnboardingView;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Ops suspend and reinstate users; each change is announced with {@code UserSuspended}. */
@ApplicationScoped
public class UserSuspensionService {

    private static final Logger LOG = Logger.getLogger(UserSuspensionService.class);

    private final PaymentProfileRepository profiles;
    private final Outbox outbox;
    private final Clock clock;

    public UserSuspensionService(PaymentProfileRepository profiles, Outbox outbox, Clock clock) {
        this.profiles = profiles;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Suspends ({@code true}) or reinstates ({@code false}); repeating the current state changes nothing. */
    @WithTransaction
    public Uni<OnboardingView> setSuspended(String userId, boolean suspended, String operator) {
        Instant now = clock.instant();
        return profiles.lock(userId).chain(profile -> {
            if (profile == null) {
                return Uni.createFrom().failure(ApiException.notFound("No payment profile for this user."));
            }
            if (profile.suspended == suspended) {
                return Uni.createFrom().item(OnboardingView.of(profile.state()));
            }
            profile.apply(profile.state().suspend(suspended), now);
            LOG.infof("user %s %s by %s", userId, suspended ? "suspended" : "reinstated", operator);
            return outbox.publish(new UserSuspended(userId, suspended, now), userId)
                    .replaceWith(() -> OnboardingView.of(profile.state()));
        });
    }
}
