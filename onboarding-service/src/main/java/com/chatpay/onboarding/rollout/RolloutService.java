package com.chatpay.onboarding.rollout;

import com.chatpay.onboarding.card.CardRepository;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ops change a country's rollout at run time; every change is audited. Users a change lets in who had already
 * done every onboarding step are activated by a sweep: a first batch in the change's own transaction, the rest
 * (and anyone a concurrent step left behind) by {@link RolloutSweep}. Activation is idempotent: an admitted user
 * is never selected again.
 */
@ApplicationScoped
public class RolloutService {

    private static final Logger LOG = Logger.getLogger(RolloutService.class);

    private final CountryRolloutRepository rollouts;
    private final CountryRolloutChangeRepository changes;
    private final PaymentProfileRepository profiles;
    private final CardRepository cards;
    private final OnboardingService onboarding;
    private final RolloutConfig config;
    private final Clock clock;

    public RolloutService(CountryRolloutRepository rollouts, CountryRolloutChangeRepository changes,
            PaymentProfileRepository profiles, CardRepository cards, OnboardingService onboarding,
            RolloutConfig config, Clock clock) {
        this.rollouts = rollouts;
        this.changes = changes;
        this.profiles = profiles;
        this.cards = cards;
        this.onboarding = onboarding;
        this.config = config;
        this.clock = clock;
    }

    @WithSession
    public Uni<RolloutView> get(String country) {
        return rollouts.findById(country).map(r -> RolloutView.of(country, r));
    }

    /** Sets a country's rollout, audits the change and activates a first batch of the users it lets in. */
    @WithTransaction
    public Uni<RolloutView> set(String country, boolean enabled, int percentage, String operator) {
        Instant now = clock.instant();
        return rollouts.lock(country).chain(existing -> {
            CountryRollout rollout = existing;
            if (rollout == null) {
                rollout = new CountryRollout();
                rollout.country = country;
            }
            CountryRolloutChange change = new CountryRolloutChange();
            change.id = UUID.randomUUID();
            change.country = country;
            change.oldEnabled = existing == null ? null : existing.enabled;
            change.oldPercentage = existing == null ? null : existing.percentage;
            change.newEnabled = enabled;
            change.newPercentage = percentage;
            change.changedBy = operator;
            change.changedAt = now;
            rollout.enabled = enabled;
            rollout.percentage = percentage;
            rollout.updatedAt = now;
            rollout.updatedBy = operator;
            LOG.infof("rollout %s changed by %s: enabled %s -> %s, percentage %s -> %s", country, operator,
                    change.oldEnabled, enabled, change.oldPercentage, percentage);
            CountryRollout stored = rollout;
            Uni<CountryRollout> write = existing == null ? rollouts.persist(stored) : Uni.createFrom().item(stored);
            return write.call(() -> changes.persist(change))
                    .call(r -> admitWaiting(r, now))
                    .map(r -> RolloutView.of(country, r));
        });
    }

    /** One periodic sweep transaction for one country: activates up to a batch of the users it lets in. */
    @WithTransaction
    public Uni<Integer> sweep(String country) {
        return rollouts.findById(country)
                .chain(r -> r == null ? Uni.createFrom().item(0) : admitWaiting(r, clock.instant()));
    }

    /** The countries a sweep may admit users in. */
    @WithSession
    public Uni<List<String>> openCountries() {
        return rollouts.open().map(list -> list.stream().map(r -> r.country).toList());
    }

    private Uni<Integer> admitWaiting(CountryRollout rollout, Instant now) {
        int threshold = RolloutPolicy.threshold(rollout.enabled, rollout.percentage);
        if (threshold == 0) {
            return Uni.createFrom().item(0);
        }
        return profiles.lockWaitingForRollout(rollout.country, threshold, config.sweepBatchSize())
                .chain(waiting -> Multi.createFrom().iterable(waiting)
                        .onItem().transformToUniAndConcatenate(profile -> cards.findActive(profile.userId)
                                .chain(card -> onboarding.admit(profile, card == null ? null : card.networkToken,
                                        now)))
                        .collect().asList()
                        .invoke(() -> {
                            if (!waiting.isEmpty()) {
                                LOG.infof("rollout %s: %d waiting user(s) activated", rollout.country,
                                        waiting.size());
                            }
                        })
                        .map(done -> waiting.size()));
    }
}
