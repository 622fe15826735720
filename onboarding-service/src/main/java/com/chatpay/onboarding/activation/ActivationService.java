package com.chatpay.onboarding.activation;

import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.card.CardRepository;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.OnboardingState;
import com.chatpay.onboarding.onboarding.OnboardingStatus;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * SMS verification of the phone number: it finishes onboarding, and it unlocks payments locked by wrong PINs. Codes
 * leave the service only encrypted for notification-service, on {@code onboarding.sms}.
 */
@ApplicationScoped
public class ActivationService {

    /** The {@code purpose} of activation and unlock codes on {@code onboarding.sms}. */
    public static final String PURPOSE_ACTIVATION = "ACTIVATION";

    /** {@code 202} answer of a code request: until when it can be entered, and when another may be requested. */
    public record CodeSent(Instant expiresAt, Instant nextCodeAvailableAt) {
    }

    /** The outcome of a code entry, committed whatever it is (a wrong entry is counted). */
    public record Verification(Outcome outcome, int attemptsRemaining, OnboardingStatus status) {
        public enum Outcome {
            VERIFIED,
            INVALID,
            EXPIRED,
            EXHAUSTED,
            NOT_REQUESTED
        }
    }

    private final PaymentProfileRepository profiles;
    private final SmsChallengeRepository challenges;
    private final CardRepository cards;
    private final SmsCodes codes;
    private final PublicKey notificationKey;
    private final SmsConfig config;
    private final SmsRateLimit rateLimit;
    private final OnboardingService onboarding;
    private final OnboardingMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    public ActivationService(PaymentProfileRepository profiles, SmsChallengeRepository challenges,
            CardRepository cards, SmsCodes codes, @Named(SmsKeysProducer.NOTIFICATION_KEY) PublicKey notificationKey,
            SmsConfig config, OnboardingService onboarding, OnboardingMetrics metrics, Outbox outbox, Clock clock) {
        this.profiles = profiles;
        this.challenges = challenges;
        this.cards = cards;
        this.codes = codes;
        this.notificationKey = notificationKey;
        this.config = config;
        this.rateLimit = new SmsRateLimit(config.resendCooldown(), config.dailyLimit(), config.dailyWindow());
        this.onboarding = onboarding;
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends a new code (superseding any pending one), within the cooldown and the daily limit. */
    @WithTransaction
    public Uni<CodeSent> requestCode(String userId) {
        return profiles.lock(userId).chain(profile -> {
            // the time of the decision is when the lock is held: a request that waited behind a concurrent one
            // must see that one's code as sent before "now" (else Retry-After overstates the cooldown)
            Instant now = clock.instant();
            PaymentProfile.stateOf(profile).requestSmsCode();
            return challenges.sentSince(userId, now.minus(config.dailyWindow())).chain(sent -> {
                var wait = rateLimit.waitBeforeNext(sent, now);
                if (wait.isPresent()) {
                    metrics.smsCode("rate_limited");
                    return Uni.createFrom().failure(ApiException.tooManyRequests(OnboardingErrors.SMS_RATE_LIMITED,
                            "Too many codes requested: wait before asking for another one.",
                            SmsRateLimit.retryAfterSeconds(wait.get())));
                }
                return challenges.supersedePending(userId).chain(() -> send(profile, now));
            });
        });
    }

    private Uni<CodeSent> send(PaymentProfile profile, Instant now) {
        String code = codes.newCode();
        SmsChallenge challenge = new SmsChallenge();
        challenge.id = UUID.randomUUID();
        challenge.userId = profile.userId;
        challenge.purpose = PURPOSE_ACTIVATION;
        challenge.codeHash = codes.hash(challenge.id, code);
        challenge.status = SmsChallengeStatus.PENDING;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.codeLifetime());
        SmsCodeRequested event = new SmsCodeRequested(challenge.id.toString(), profile.userId, profile.phoneNumber,
                SmsCodeCipher.encrypt(notificationKey, code), profile.locale, PURPOSE_ACTIVATION,
                challenge.expiresAt);
        return challenges.persist(challenge)
                .call(() -> outbox.publish(event, profile.userId))
                .invoke(() -> metrics.smsCode("sent"))
                .replaceWith(new CodeSent(challenge.expiresAt, now.plus(config.resendCooldown())));
    }

    /** Checks a code against the user's latest challenge; a right code verifies the phone and may activate. */
    @WithTransaction
    public Uni<Verification> verify(String userId, String code) {
        return profiles.lock(userId).chain(profile -> {
            Instant now = clock.instant(); // after the lock wait: a code that expired meanwhile is expired
            OnboardingState before = PaymentProfile.stateOf(profile);
            OnboardingState after = before.verifyPhone();
            return challenges.latest(userId).chain(challenge -> {
                if (challenge == null || challenge.status == SmsChallengeStatus.USED
                        || challenge.status == SmsChallengeStatus.SUPERSEDED) {
                    return done(Verification.Outcome.NOT_REQUESTED, 0, before);
                }
                if (challenge.status == SmsChallengeStatus.EXHAUSTED || challenge.attempts >= config.maxAttempts()) {
                    challenge.status = SmsChallengeStatus.EXHAUSTED;
                    return done(Verification.Outcome.EXHAUSTED, 0, before);
                }
                if (challenge.status == SmsChallengeStatus.EXPIRED || !now.isBefore(challenge.expiresAt)) {
                    challenge.status = SmsChallengeStatus.EXPIRED;
                    return done(Verification.Outcome.EXPIRED, 0, before);
                }
                if (!codes.matches(challenge.id, code, challenge.codeHash)) {
                    challenge.attempts++;
                    int remaining = config.maxAttempts() - challenge.attempts;
                    if (remaining <= 0) {
                        challenge.status = SmsChallengeStatus.EXHAUSTED;
                    }
                    return done(Verification.Outcome.INVALID, Math.max(0, remaining), before);
                }
                challenge.status = SmsChallengeStatus.USED;
                challenge.usedAt = now;
                profile.pinFailedAttempts = 0;
                profile.apply(after, now);
                return cards.findActive(userId)
                        .call(card -> onboarding.announceIfActivated(before, profile,
                                card == null ? null : card.networkToken, now))
                        .chain(() -> done(Verification.Outcome.VERIFIED, 0, profile.state()));
            });
        });
    }

    private static Uni<Verification> done(Verification.Outcome outcome, int remaining, OnboardingState state) {
        return Uni.createFrom().item(new Verification(outcome, remaining, state.status()));
    }
}
