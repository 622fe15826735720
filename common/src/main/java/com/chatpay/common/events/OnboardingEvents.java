package com.chatpay.common.events;

import java.time.Instant;

/**
 * Payloads of {@link Topics#ONBOARDING_EVENTS} and {@link Topics#ONBOARDING_SMS}, written only by onboarding-service.
 * They never carry a PAN, a CVC, a PIN or an SMS code in clear.
 */
public final class OnboardingEvents {

    /** The user finished onboarding (or re-verified) and may now pay and receive. */
    public record PaymentsActivated(String userId, String country, String currency, @Nullable String cardToken,
            @Nullable String firstName, @Nullable String locale, Instant activatedAt) implements UserEvent {
    }

    /** A card was verified and stored in the vault; only the network token and display data travel. */
    public record CardRegistered(String userId, String cardToken, String brand, String last4, int expiryMonth,
            int expiryYear) implements UserEvent {
    }

    public record CardRemoved(String userId, String cardToken) implements UserEvent {
    }

    /** Too many wrong PINs: payments are locked until SMS re-verification. */
    public record PaymentsLocked(String userId, @Nullable String reason, Instant lockedAt) implements UserEvent {
    }

    /** Ops suspended (suspended=true) or reinstated (false) a user. */
    public record UserSuspended(String userId, boolean suspended, Instant at) implements UserEvent {
    }

    /**
     * An SMS code to send. {@code encryptedCode} is the 6-digit code encrypted (RSA-OAEP, SHA-256) with
     * notification-service's public key, base64: no other service can read it.
     */
    public record SmsCodeRequested(String challengeId, String userId, String phoneNumber, String encryptedCode,
            @Nullable String locale, String purpose, Instant expiresAt) implements UserEvent {
    }

    /** Every onboarding payload names its user, which is also the event's subject and Kafka key. */
    public interface UserEvent {
        String userId();
    }

    private OnboardingEvents() {
    }
}
