package com.chatpay.onboarding.authorization;

import com.chatpay.common.money.Money;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.Problem.FieldError;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.AttemptsException;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import com.chatpay.onboarding.pin.PinCheck;
import com.chatpay.onboarding.pin.PinPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v1/payment-authorizations")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentAuthorizationResource {

    /** Longest payee id accepted (the platform's user ids). */
    static final int PAYEE_ID_MAX = 128;

    private final PaymentAuthorizationService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public PaymentAuthorizationResource(PaymentAuthorizationService service, OnboardingMetrics metrics,
            JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed(Roles.USER)
    public Uni<AuthorizationView> authorize(@NotNull AuthorizationRequest request) {
        String payerId = jwt.getSubject();
        Money amount = checked(request, payerId);
        return service.authorizeWithPin(payerId, request.payeeId(), amount, request.pin())
                .onFailure(ApiException.class).invoke(e -> metrics.authorization("PIN",
                        switch (((ApiException) e).status()) {
                            case 423 -> "locked";
                            case 409 -> "payer_not_active";
                            default -> "rejected";
                        }))
                .map(outcome -> {
                    if (outcome.failedCheck() == null) {
                        metrics.authorization("PIN", "issued");
                        return outcome.authorization();
                    }
                    if (outcome.failedCheck().outcome() == PinCheck.Outcome.LOCKED) {
                        metrics.authorization("PIN", "locked");
                        throw OnboardingProblems.paymentsLocked();
                    }
                    metrics.authorization("PIN", "pin_invalid");
                    int remaining = outcome.failedCheck().attemptsRemaining();
                    throw new AttemptsException(403, OnboardingErrors.PIN_INVALID, "Forbidden",
                            "The PIN is wrong; " + remaining + " attempt(s) remaining before payments are locked.",
                            remaining);
                });
    }

    private Money checked(AuthorizationRequest request, String payerId) {
        List<FieldError> errors = new ArrayList<>();
        String payee = request.payeeId();
        if (payee == null || payee.isBlank()) {
            errors.add(new FieldError("payeeId", "is required"));
        } else if (payee.length() > PAYEE_ID_MAX) {
            errors.add(new FieldError("payeeId", "must be at most " + PAYEE_ID_MAX + " characters"));
        }
        AuthorizationRequest.Amount amount = request.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
        } else {
            if (amount.value() == null) {
                errors.add(new FieldError("amount.value", "is required"));
            } else if (amount.value() <= 0) {
                errors.add(new FieldError("amount.value", "must be greater than 0"));
            }
            if (!Money.isKnownCurrency(amount.currency())) {
                errors.add(new FieldError("amount.currency", "must be an ISO 4217 currency code"));
            }
        }
        if (!PinPolicy.isWellFormed(request.pin())) {
            errors.add(new FieldError("pin", "must be exactly 4 digits"));
        }
        if (!errors.isEmpty()) {
            metrics.authorization("PIN", "rejected");
            throw ApiException.validation(errors);
        }
        if (payee.equals(payerId)) {
            metrics.authorization("PIN", "rejected");
            throw ApiException.badRequest(OnboardingErrors.SELF_PAYMENT, "You cannot pay yourself.");
        }
        return Money.of(amount.value(), amount.currency());
    }
}
