package com.chatpay.onboarding.authorization;

import com.chatpay.common.money.Money;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.Problem.FieldError;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.device.DeviceResource;
import com.chatpay.onboarding.device.WebAuthnVerifier;
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

    private static final String PIN = AuthorizationTokenSigner.METHOD_PIN;
    private static final String WEBAUTHN = AuthorizationTokenSigner.METHOD_WEBAUTHN;

    private final PaymentAuthorizationService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public PaymentAuthorizationResource(PaymentAuthorizationService service, OnboardingMetrics metrics,
            JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    /** A WebAuthn challenge bound to this payment, for an enrolled device to sign. */
    @POST
    @Path("/options")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed(Roles.USER)
    public Uni<AssertionOptions> options(@NotNull AssertionOptionsRequest request) {
        String payerId = jwt.getSubject();
        List<FieldError> errors = new ArrayList<>();
        Money amount = payment(request.payeeId(), request.amount(), payerId, errors, WEBAUTHN);
        return service.assertionOptions(payerId, request.payeeId(), amount);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed(Roles.USER)
    public Uni<AuthorizationView> authorize(@NotNull AuthorizationRequest request) {
        String payerId = jwt.getSubject();
        AuthorizationRequest.Assertion assertion = request.assertion();
        List<FieldError> errors = new ArrayList<>();
        if (assertion == null) {
            if (!PinPolicy.isWellFormed(request.pin())) {
                errors.add(new FieldError("pin", "must be exactly 4 digits (or send an assertion instead)"));
            }
            Money amount = payment(request.payeeId(), request.amount(), payerId, errors, PIN);
            return withPin(payerId, request.payeeId(), amount, request.pin());
        }
        if (request.pin() != null) {
            errors.add(new FieldError("pin", "must be absent when an assertion confirms the payment"));
        }
        byte[] credentialId = binary("assertion.credentialId", assertion.credentialId(), errors);
        byte[] clientData = binary("assertion.clientDataJSON", assertion.clientDataJSON(), errors);
        byte[] authenticatorData = binary("assertion.authenticatorData", assertion.authenticatorData(), errors);
        byte[] signature = binary("assertion.signature", assertion.signature(), errors);
        Money amount = payment(request.payeeId(), request.amount(), payerId, errors, WEBAUTHN);
        return service.authorizeWithAssertion(payerId, request.payeeId(), amount, credentialId, clientData,
                        authenticatorData, signature)
                .onFailure(WebAuthnVerifier.Refused.class).transform(e -> {
                    metrics.authorization(WEBAUTHN, "assertion_invalid");
                    return new ApiException(403, OnboardingErrors.AUTHORIZATION_ASSERTION_INVALID, "Forbidden",
                            "The assertion does not confirm this payment: " + e.getMessage() + ".", null, null);
                })
                .onFailure(ApiException.class).invoke(e -> countRefusal(WEBAUTHN, (ApiException) e))
                .invoke(() -> metrics.authorization(WEBAUTHN, "issued"));
    }

    private Uni<AuthorizationView> withPin(String payerId, String payeeId, Money amount, String pin) {
        return service.authorizeWithPin(payerId, payeeId, amount, pin)
                .onFailure(ApiException.class).invoke(e -> countRefusal(PIN, (ApiException) e))
                .map(outcome -> {
                    if (outcome.failedCheck() == null) {
                        metrics.authorization(PIN, "issued");
                        return outcome.authorization();
                    }
                    metrics.authorization(PIN,
                            outcome.failedCheck().outcome() == PinCheck.Outcome.LOCKED ? "locked" : "pin_invalid");
                    throw OnboardingProblems.pinRefused(outcome.failedCheck());
                });
    }

    private void countRefusal(String method, ApiException e) {
        if (OnboardingErrors.AUTHORIZATION_ASSERTION_INVALID.equals(e.code())) {
            return;
        }
        metrics.authorization(method, switch (e.status()) {
            case 423 -> "locked";
            case 409 -> "payer_not_active";
            default -> "rejected";
        });
    }

    private static byte[] binary(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return DeviceResource.base64Url(field, value);
        } catch (ApiException e) {
            errors.add(new FieldError(field, "must be base64url"));
            return null;
        }
    }

    /** Checks payee and amount (adding to the errors found so far), then refuses them all at once, or self-payment. */
    private Money payment(String payee, AuthorizationRequest.Amount amount, String payerId, List<FieldError> errors,
            String method) {
        if (payee == null || payee.isBlank()) {
            errors.add(new FieldError("payeeId", "is required"));
        } else if (payee.length() > PAYEE_ID_MAX) {
            errors.add(new FieldError("payeeId", "must be at most " + PAYEE_ID_MAX + " characters"));
        }
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
        if (!errors.isEmpty()) {
            metrics.authorization(method, "rejected");
            throw ApiException.validation(errors);
        }
        if (payee.equals(payerId)) {
            metrics.authorization(method, "rejected");
            throw ApiException.badRequest(OnboardingErrors.SELF_PAYMENT, "You cannot pay yourself.");
        }
        return Money.of(amount.value(), amount.currency());
    }
}
