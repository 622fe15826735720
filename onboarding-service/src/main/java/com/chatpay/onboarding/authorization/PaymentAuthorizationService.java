package com.chatpay.onboarding.authorization;

import com.chatpay.common.ids.TimeOrderedIds;
import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.money.Money;
import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.device.Device;
import com.chatpay.onboarding.device.DeviceRepository;
import com.chatpay.onboarding.device.PaymentChallenge;
import com.chatpay.onboarding.device.WebAuthnChallenge;
import com.chatpay.onboarding.device.WebAuthnChallengeRepository;
import com.chatpay.onboarding.device.WebAuthnConfig;
import com.chatpay.onboarding.device.WebAuthnVerifier;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import com.chatpay.onboarding.onboarding.OnboardingStatus;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import com.chatpay.onboarding.onboarding.PaymentProfileRows;
import com.chatpay.onboarding.pin.PinCheck;
import com.chatpay.onboarding.pin.PinVerifier;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Strong customer authentication of a payment, by PIN or by a WebAuthn assertion of an enrolled device over a
 * challenge bound to the payment: checks the payer and the proof, then signs a token.
 */
@ApplicationScoped
public class PaymentAuthorizationService {

    /** The token, or the failed PIN check (committed: the wrong attempt counts). */
    public record Outcome(AuthorizationView authorization, PinCheck failedCheck) {
    }

    private final Pool pool;
    private final PaymentProfileRepository profiles;
    private final PaymentProfileRows profileRows;
    private final PaymentAuthorizationRepository authorizations;
    private final PaymentAuthorizationRows authorizationRows;
    private final PinVerifier pins;
    private final AuthorizationTokenSigner signer;
    private final DeviceRepository devices;
    private final WebAuthnChallengeRepository challenges;
    private final WebAuthnVerifier webAuthn;
    private final WebAuthnConfig webAuthnConfig;
    private final Clock clock;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public PaymentAuthorizationService(Pool pool, PaymentProfileRepository profiles, PaymentProfileRows profileRows,
            PaymentAuthorizationRepository authorizations, PaymentAuthorizationRows authorizationRows,
            PinVerifier pins, AuthorizationTokenSigner signer, DeviceRepository devices,
            WebAuthnChallengeRepository challenges, WebAuthnVerifier webAuthn, WebAuthnConfig webAuthnConfig,
            Clock clock) {
        this.pool = pool;
        this.profiles = profiles;
        this.profileRows = profileRows;
        this.authorizations = authorizations;
        this.authorizationRows = authorizationRows;
        this.pins = pins;
        this.signer = signer;
        this.devices = devices;
        this.challenges = challenges;
        this.webAuthn = webAuthn;
        this.webAuthnConfig = webAuthnConfig;
        this.clock = clock;
    }

    /** The payer may pay in this currency: ACTIVE (423 when locked, 409 otherwise), and in their country's currency. */
    private static void checkPayer(PaymentProfile payer, Money amount) {
        OnboardingStatus status = PaymentProfile.stateOf(payer).status();
        if (status == OnboardingStatus.LOCKED) {
            throw OnboardingProblems.paymentsLocked();
        }
        if (status != OnboardingStatus.ACTIVE) {
            throw ApiException.conflict(OnboardingErrors.PAYER_NOT_ACTIVE,
                    "Payments are not active for this user (status " + status + ").");
        }
        String currency = CountryCurrency.of(payer.country).orElseThrow();
        if (!currency.equals(amount.currency())) {
            throw ApiException.badRequest(OnboardingErrors.CURRENCY_MISMATCH,
                    "Payments from this account are in " + currency + ".");
        }
    }

    /** A challenge for a device of the payer to confirm this payment with. */
    @WithTransaction
    public Uni<AssertionOptions> assertionOptions(String payerId, String payeeId, Money amount) {
        Instant now = clock.instant();
        return profiles.findById(payerId).chain(payer -> {
            checkPayer(payer, amount);
            return devices.ofUser(payerId);
        }).chain(enrolled -> {
            if (enrolled.isEmpty()) {
                throw ApiException.conflict(OnboardingErrors.DEVICE_NOT_REGISTERED,
                        "No device is enrolled to confirm payments: register one, or confirm with the PIN.");
            }
            WebAuthnChallenge challenge = new WebAuthnChallenge();
            challenge.id = UUID.randomUUID();
            challenge.userId = payerId;
            challenge.purpose = WebAuthnChallenge.Purpose.PAYMENT;
            challenge.nonce = new byte[32];
            RANDOM.nextBytes(challenge.nonce);
            challenge.challenge = PaymentChallenge.of(challenge.nonce, payerId, payeeId, amount);
            challenge.payeeId = payeeId;
            challenge.amount = amount.value();
            challenge.currency = amount.currency();
            challenge.createdAt = now;
            challenge.expiresAt = now.plus(webAuthnConfig.challengeTtl());
            return challenges.persist(challenge).map(c -> new AssertionOptions(B64URL.encodeToString(c.challenge),
                    webAuthnConfig.rpId(),
                    enrolled.stream().map(d -> new AssertionOptions.CredentialDescriptor("public-key",
                            B64URL.encodeToString(d.credentialId))).toList(),
                    webAuthnConfig.userVerificationRequired() ? "required" : "preferred",
                    webAuthnConfig.challengeTtl().toMillis(), c.expiresAt));
        });
    }

    /**
     * Checks an assertion of one of the payer's devices: the challenge it signed must be one issued to the payer
     * for exactly this payee, amount and currency, unused and unexpired; webauthn4j checks origin, rpId hash,
     * flags, signature and counter. Any failure is {@link WebAuthnVerifier.Refused}.
     */
    @WithTransaction
    public Uni<AuthorizationView> authorizeWithAssertion(String payerId, String payeeId, Money amount,
            byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData, byte[] signature) {
        Instant now = clock.instant();
        return profiles.lock(payerId).chain(payer -> {
            checkPayer(payer, amount);
            return devices.lockByCredential(payerId, credentialId).chain(device -> {
                if (device == null) {
                    throw new WebAuthnVerifier.Refused("the credential is not an enrolled device of the payer");
                }
                byte[] signed = webAuthn.challengeOf(clientDataJson);
                return challenges.lock(payerId, WebAuthnChallenge.Purpose.PAYMENT, signed).chain(challenge -> {
                    if (challenge == null || !challenge.usableAt(now)) {
                        throw new WebAuthnVerifier.Refused("unknown, used or expired challenge");
                    }
                    byte[] expected = PaymentChallenge.of(challenge.nonce, payerId, payeeId, amount);
                    if (!Arrays.equals(expected, challenge.challenge)) {
                        throw new WebAuthnVerifier.Refused("the challenge was issued for another payment");
                    }
                    long counter = webAuthn.verifyAssertion(device, authenticatorData, clientDataJson, signature,
                            expected);
                    device.signCount = counter;
                    device.lastUsedAt = now;
                    challenge.usedAt = now;
                    return issue(payer, payeeId, amount, AuthorizationTokenSigner.METHOD_WEBAUTHN, now);
                });
            });
        });
    }

    /**
     * The payee may receive from this payer: a payee chatpay knows must be in the payer's country and not suspended.
     * A payee who has not onboarded yet can still be paid (the money waits for them).
     */
    private static void checkPayee(PaymentProfile payer, PaymentProfile payee) {
        if (payee == null) {
            return;
        }
        if (payee.country != null && !payee.country.equals(payer.country)) {
            throw ApiException.unprocessable(OnboardingErrors.PAYEE_IN_OTHER_COUNTRY,
                    "Payer and payee must be in the same country.");
        }
        if (payee.suspended) {
            throw ApiException.unprocessable(OnboardingErrors.PAYEE_CANNOT_RECEIVE,
                    "This person cannot receive payments.");
        }
    }

    private Uni<AuthorizationView> issue(PaymentProfile payer, String payeeId, Money amount, String method,
            Instant now) {
        return profiles.findById(payeeId).chain(payee -> {
            checkPayee(payer, payee);
            Issued issued = sign(payer, payeeId, amount, method, now);
            return authorizations.persist(issued.record()).replaceWith(issued.view());
        });
    }

    /** An authorization issued: its record (for audit and disputes) and the signed token the client gets. */
    private record Issued(PaymentAuthorization record, AuthorizationView view) {
    }

    private Issued sign(PaymentProfile payer, String payeeId, Money amount, String method, Instant now) {
        PaymentAuthorization record = new PaymentAuthorization();
        record.jti = TimeOrderedIds.next();
        record.payerId = payer.userId;
        record.payeeId = payeeId;
        record.amount = amount.value();
        record.currency = amount.currency();
        record.method = method;
        record.issuedAt = now;
        record.expiresAt = now.plus(signer.ttl());
        String token = signer.sign(record.jti, payer.userId, payeeId, amount, payer.country, record.method,
                record.issuedAt, record.expiresAt);
        return new Issued(record, new AuthorizationView(token, record.expiresAt));
    }

    /**
     * Confirms a payment with the payer's PIN. Every payment goes through here, so it runs in plain SQL on one
     * connection of the reactive pool, without a Hibernate session: the payer's profile locked (its onboarding facts
     * and PIN verifier only), the PIN checked and the attempt's count written back, the payee read, the authorization
     * recorded. A wrong PIN commits (the attempt counts); any refusal after a right PIN writes nothing.
     */
    public Uni<Outcome> authorizeWithPin(String payerId, String payeeId, Money amount, String pin) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> profileRows.lock(connection, payerId).chain(payer -> {
            checkPayer(payer, amount);
            return pins.check(connection, payer, pin)
                    .chain(check -> check.right()
                            ? profileRows.find(connection, payeeId).chain(payee -> {
                                checkPayee(payer, payee);
                                Issued issued = sign(payer, payeeId, amount, AuthorizationTokenSigner.METHOD_PIN, now);
                                return authorizationRows.insert(connection, issued.record())
                                        .replaceWith(new Outcome(issued.view(), null));
                            })
                            : Uni.createFrom().item(new Outcome(null, check)));
        }));
    }
}
