package com.chatpay.onboarding.pin;

import com.chatpay.common.events.OnboardingEvents.PaymentsLocked;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Checks a PIN and counts the attempt, inside the caller's transaction on a row-locked profile: a right PIN resets
 * the count, the last allowed wrong PIN locks payments and publishes {@code PaymentsLocked}. The caller must commit
 * even when the PIN is wrong, so services return the {@link PinCheck} instead of failing.
 */
@ApplicationScoped
public class PinVerifier {

    /** The {@code reason} of {@code PaymentsLocked}. */
    public static final String TOO_MANY_WRONG_PINS = "TOO_MANY_WRONG_PINS";

    private final PinHasher hasher;
    private final PinConfig config;
    private final Outbox outbox;
    private final OnboardingMetrics metrics;
    private final PaymentProfileRows profiles;
    private final Clock clock;

    public PinVerifier(PinHasher hasher, PinConfig config, Outbox outbox, OnboardingMetrics metrics,
            PaymentProfileRows profiles, Clock clock) {
        this.hasher = hasher;
        this.profiles = profiles;
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Checks the PIN of a profile Hibernate's session holds; a lock's event goes in the session's transaction. */
    public Uni<PinCheck> check(PaymentProfile profile, String pin) {
        return check(profile, pin, locked -> outbox.publish(locked, profile.userId));
    }

    /**
     * Checks the PIN of a profile read in plain SQL ({@link PaymentProfileRows}) in the transaction {@code connection}
     * has begun, and writes back what the check changed (the count of wrong PINs, the lock) with a lock's event. A
     * right PIN on a profile without wrong ones changes nothing and writes nothing.
     */
    public Uni<PinCheck> check(SqlConnection connection, PaymentProfile profile, String pin) {
        int wrongBefore = profile.pinFailedAttempts;
        return check(profile, pin, locked -> outbox.publish(connection, locked, profile.userId))
                .call(check -> check.right() && wrongBefore == 0
                        ? Uni.createFrom().voidItem()
                        : profiles.savePinAttempts(connection, profile));
    }

    private Uni<PinCheck> check(PaymentProfile profile, String pin, Function<PaymentsLocked, Uni<?>> publish) {
        boolean right = PinPolicy.isWellFormed(pin) && profile.pinHash != null && hasher.verify(pin,
                new PinHasher.PinHash(profile.pinHash, profile.pinSalt, profile.pinIterations));
        if (right) {
            profile.pinFailedAttempts = 0;
            metrics.pinCheck("ok");
            return Uni.createFrom().item(new PinCheck(PinCheck.Outcome.RIGHT, config.maxAttempts()));
        }
        profile.pinFailedAttempts++;
        int remaining = Math.max(0, config.maxAttempts() - profile.pinFailedAttempts);
        if (remaining > 0) {
            metrics.pinCheck("invalid");
            return Uni.createFrom().item(new PinCheck(PinCheck.Outcome.WRONG, remaining));
        }
        Instant now = clock.instant();
        profile.apply(profile.state().lock(), now);
        metrics.pinCheck("locked");
        return publish.apply(new PaymentsLocked(profile.userId, TOO_MANY_WRONG_PINS, now))
                .replaceWith(new PinCheck(PinCheck.Outcome.LOCKED, 0));
    }

    /** Stores a new PIN's verifier. */
    public void store(PaymentProfile profile, String pin) {
        PinHasher.PinHash hash = hasher.hash(pin);
        profile.pinHash = hash.hash();
        profile.pinSalt = hash.salt();
        profile.pinIterations = hash.iterations();
        profile.pinFailedAttempts = 0;
    }
}
