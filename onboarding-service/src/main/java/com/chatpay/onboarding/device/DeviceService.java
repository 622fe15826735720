package com.chatpay.onboarding.device;

import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import com.chatpay.onboarding.onboarding.OnboardingStatus;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import com.chatpay.onboarding.pin.PinCheck;
import com.chatpay.onboarding.pin.PinVerifier;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Enrols, lists and removes the devices (WebAuthn credentials) a user confirms payments with. */
@ApplicationScoped
public class DeviceService {

    /** A registered device, or the failed PIN check (committed: the wrong attempt counts). */
    public record Registration(DeviceView device, PinCheck failedCheck) {
    }

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentProfileRepository profiles;
    private final DeviceRepository devices;
    private final WebAuthnChallengeRepository challenges;
    private final WebAuthnVerifier verifier;
    private final WebAuthnConfig config;
    private final PinVerifier pins;
    private final OnboardingMetrics metrics;
    private final Clock clock;

    public DeviceService(PaymentProfileRepository profiles, DeviceRepository devices,
            WebAuthnChallengeRepository challenges, WebAuthnVerifier verifier, WebAuthnConfig config,
            PinVerifier pins, OnboardingMetrics metrics, Clock clock) {
        this.profiles = profiles;
        this.devices = devices;
        this.challenges = challenges;
        this.verifier = verifier;
        this.config = config;
        this.pins = pins;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Payments must be usable to enrol a device that confirms them. */
    static void requireActive(PaymentProfile profile) {
        OnboardingStatus status = PaymentProfile.stateOf(profile).status();
        if (status == OnboardingStatus.LOCKED) {
            throw OnboardingProblems.paymentsLocked();
        }
        if (status != OnboardingStatus.ACTIVE) {
            throw ApiException.conflict(OnboardingErrors.PAYER_NOT_ACTIVE,
                    "Payments are not active for this user (status " + status + ").");
        }
    }

    /** The WebAuthn user handle: an opaque, stable hash of the user id (no personal data on the authenticator). */
    static byte[] userHandle(String userId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("chatpay-user-handle:" + userId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @WithTransaction
    public Uni<RegistrationOptions> registrationOptions(String userId) {
        Instant now = clock.instant();
        return profiles.findById(userId).chain(profile -> {
            requireActive(profile);
            WebAuthnChallenge challenge = new WebAuthnChallenge();
            challenge.id = UUID.randomUUID();
            challenge.userId = userId;
            challenge.purpose = WebAuthnChallenge.Purpose.REGISTRATION;
            challenge.nonce = new byte[32];
            RANDOM.nextBytes(challenge.nonce);
            challenge.challenge = challenge.nonce;
            challenge.createdAt = now;
            challenge.expiresAt = now.plus(config.challengeTtl());
            return challenges.persist(challenge).chain(() -> devices.ofUser(userId)).map(existing ->
                    new RegistrationOptions(B64URL.encodeToString(challenge.challenge),
                            new RegistrationOptions.RelyingParty(config.rpId(), config.rpName()),
                            new RegistrationOptions.User(B64URL.encodeToString(userHandle(userId)), userId,
                                    profile.firstName),
                            List.of(new RegistrationOptions.CredentialParameter("public-key", -7)),
                            config.challengeTtl().toMillis(), "none",
                            new RegistrationOptions.AuthenticatorSelection("platform",
                                    config.userVerificationRequired() ? "required" : "preferred", "discouraged"),
                            existing.stream().map(d -> new RegistrationOptions.CredentialDescriptor("public-key",
                                    B64URL.encodeToString(d.credentialId))).toList()));
        });
    }

    /** Verifies the authenticator's answer to a registration challenge (after the PIN) and stores the key. */
    @WithTransaction
    public Uni<Registration> register(String userId, String name, byte[] credentialId, byte[] clientDataJson,
            byte[] attestationObject, String pin) {
        Instant now = clock.instant();
        return profiles.lock(userId).chain(profile -> {
            requireActive(profile);
            return pins.check(profile, pin).chain(check -> {
                if (!check.right()) {
                    return Uni.createFrom().item(new Registration(null, check));
                }
                byte[] challengeValue = verifier.challengeOf(clientDataJson);
                return challenges.lock(userId, WebAuthnChallenge.Purpose.REGISTRATION, challengeValue)
                        .chain(challenge -> {
                            if (challenge == null || !challenge.usableAt(now)) {
                                throw new WebAuthnVerifier.Refused("unknown, used or expired challenge");
                            }
                            WebAuthnVerifier.Credential credential = verifier.verifyRegistration(attestationObject,
                                    clientDataJson, challenge.challenge);
                            if (!Arrays.equals(credential.credentialId(), credentialId)) {
                                throw new WebAuthnVerifier.Refused("credential id differs from the attested one");
                            }
                            challenge.usedAt = now;
                            return devices.credentialExists(credentialId).chain(exists -> {
                                if (exists) {
                                    throw ApiException.conflict(OnboardingErrors.DEVICE_ALREADY_REGISTERED,
                                            "This authenticator key is already registered.");
                                }
                                Device device = new Device();
                                device.id = UUID.randomUUID();
                                device.userId = userId;
                                device.name = name;
                                device.credentialId = credential.credentialId();
                                device.publicKeyCose = credential.publicKeyCose();
                                device.aaguid = credential.aaguid();
                                device.signCount = credential.signCount();
                                device.createdAt = now;
                                metrics.step("device", "completed");
                                return devices.persist(device)
                                        .map(d -> new Registration(DeviceView.of(d), null));
                            });
                        });
            });
        });
    }

    @WithSession
    public Uni<List<DeviceView>> list(String userId) {
        return devices.ofUser(userId).map(list -> list.stream().map(DeviceView::of).toList());
    }

    @WithTransaction
    public Uni<Void> remove(String userId, UUID deviceId) {
        return devices.removeOfUser(userId, deviceId).invoke(n -> {
            if (n == 0) {
                throw ApiException.notFound("No such device.");
            }
            metrics.step("device_removal", "completed");
        }).replaceWithVoid();
    }
}
