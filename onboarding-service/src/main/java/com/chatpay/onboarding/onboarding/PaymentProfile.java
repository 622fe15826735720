package com.chatpay.onboarding.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's payment profile: identity and address, the onboarding facts, and the PIN verifier (a keyed slow hash,
 * never the PIN). Created by the first profile submission; a user without a row is {@link OnboardingState#NEW}.
 */
@Entity
@Table(name = "payment_profile")
public class PaymentProfile {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;

    /** ISO 3166-1 alpha-2. */
    public String country;

    /** E.164. */
    @Column(name = "phone_number")
    public String phoneNumber;

    /** Language of the user's messages: {@code fr} or {@code en}. */
    public String locale;

    @Column(name = "card_registered")
    public boolean cardRegistered;

    @Column(name = "pin_hash")
    public byte[] pinHash;

    @Column(name = "pin_salt")
    public byte[] pinSalt;

    @Column(name = "pin_iterations")
    public Integer pinIterations;

    /** Consecutive wrong PINs since the last right one. */
    @Column(name = "pin_failed_attempts")
    public int pinFailedAttempts;

    @Column(name = "phone_verified")
    public boolean phoneVerified;

    @Column(name = "locked_at")
    public Instant lockedAt;

    public boolean suspended;

    /** The country the rollout admitted the user in; admission holds only while the profile stays there. */
    @Column(name = "admitted_country")
    public String admittedCountry;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The onboarding state of a profile; {@link OnboardingState#NEW} for none. */
    public static OnboardingState stateOf(PaymentProfile profile) {
        return profile == null ? OnboardingState.NEW : profile.state();
    }

    public OnboardingState state() {
        return new OnboardingState(true, cardRegistered, pinHash != null, phoneVerified, lockedAt != null,
                suspended, country != null && country.equals(admittedCountry));
    }

    /** Writes the facts of a new state back; {@code now} stamps a new lock. */
    public void apply(OnboardingState state, Instant now) {
        cardRegistered = state.card();
        phoneVerified = state.phoneVerified();
        suspended = state.suspended();
        if (state.locked() && lockedAt == null) {
            lockedAt = now;
        } else if (!state.locked()) {
            lockedAt = null;
        }
        updatedAt = now;
    }
}
