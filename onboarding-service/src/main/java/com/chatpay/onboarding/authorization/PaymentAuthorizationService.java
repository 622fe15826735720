package com.chatpay.onboarding.authorization;

import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.money.Money;
import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import com.chatpay.onboarding.onboarding.OnboardingStatus;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import com.chatpay.onboarding.pin.PinCheck;
import com.chatpay.onboarding.pin.PinVerifier;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Strong customer authentication of a payment by PIN: checks the payer and the PIN, then signs a token. */
@ApplicationScoped
public class PaymentAuthorizationService {

    /** The token, or the failed PIN check (committed: the wrong attempt counts). */
    public record Outcome(AuthorizationView authorization, PinCheck failedCheck) {
    }

    private final PaymentProfileRepository profiles;
    private final PaymentAuthorizationRepository authorizations;
    private final PinVerifier pins;
    private final AuthorizationTokenSigner signer;
    private final Clock clock;

    public PaymentAuthorizationService(PaymentProfileRepository profiles,
            PaymentAuthorizationRepository authorizations, PinVerifier pins, AuthorizationTokenSigner signer,
            Clock clock) {
        this.profiles = profiles;
        this.authorizations = authorizations;
        this.pins = pins;
        this.signer = signer;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> authorizeWithPin(String payerId, String payeeId, Money amount, String pin) {
        Instant now = clock.instant();
        return profiles.lock(payerId).chain(payer -> {
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
            return pins.check(payer, pin).chain(check -> {
                if (!check.right()) {
                    return Uni.createFrom().item(new Outcome(null, check));
                }
                PaymentAuthorization record = new PaymentAuthorization();
                record.jti = UUID.randomUUID();
                record.payerId = payerId;
                record.payeeId = payeeId;
                record.amount = amount.value();
                record.currency = amount.currency();
                record.method = AuthorizationTokenSigner.METHOD_PIN;
                record.issuedAt = now;
                record.expiresAt = now.plus(signer.ttl());
                String token = signer.sign(record.jti, payerId, payeeId, amount, payer.country, record.method,
                        record.issuedAt, record.expiresAt);
                return authorizations.persist(record)
                        .replaceWith(new Outcome(new AuthorizationView(token, record.expiresAt), null));
            });
        });
    }
}
