package com.chatpay.onboarding.profile;

import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.OnboardingState;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Creates and changes payment profiles. */
@ApplicationScoped
public class ProfileService {

    private final PaymentProfileRepository profiles;
    private final OnboardingService onboarding;
    private final Clock clock;

    public ProfileService(PaymentProfileRepository profiles, OnboardingService onboarding, Clock clock) {
        this.profiles = profiles;
        this.onboarding = onboarding;
        this.clock = clock;
    }

    @WithSession
    public Uni<ProfileView> get(String userId) {
        return profiles.findById(userId).map(p -> {
            if (p == null) {
                throw ApiException.notFound("No payment profile yet.");
            }
            return ProfileView.of(p);
        });
    }

    /** Stores a valid (already checked and normalised) profile. */
    @WithTransaction
    public Uni<ProfileView> put(String userId, ProfileRequest profile) {
        Instant now = clock.instant();
        return profiles.lock(userId).chain(existing -> {
            OnboardingState before = PaymentProfile.stateOf(existing);
            boolean contactChanged = existing != null
                    && (!existing.phoneNumber.equals(profile.phoneNumber())
                            || !existing.country.equals(profile.address().country()));
            OnboardingState after = before.submitProfile(contactChanged);
            PaymentProfile entity = existing;
            if (entity == null) {
                entity = new PaymentProfile();
                entity.userId = userId;
                entity.createdAt = now;
            }
            entity.firstName = profile.firstName();
            entity.lastName = profile.lastName();
            entity.addressLine1 = profile.address().line1();
            entity.addressLine2 = profile.address().line2();
            entity.postalCode = profile.address().postalCode();
            entity.city = profile.address().city();
            entity.country = profile.address().country();
            entity.phoneNumber = profile.phoneNumber();
            entity.locale = ProfileRules.localeOf(entity.country);
            entity.apply(after, now);
            PaymentProfile stored = entity;
            Uni<PaymentProfile> write = existing == null ? profiles.persist(stored) : Uni.createFrom().item(stored);
            return write.call(p -> onboarding.announceIfActivated(before, p, null, now)).map(ProfileView::of);
        });
    }
}
