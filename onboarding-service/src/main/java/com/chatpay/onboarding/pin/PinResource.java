package com.chatpay.onboarding.pin;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.AttemptsException;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import com.chatpay.onboarding.onboarding.OnboardingRefusal;
import com.chatpay.onboarding.onboarding.OnboardingView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/v1/me/pin")
@Produces(MediaType.APPLICATION_JSON)
public class PinResource {

    private final PinService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public PinResource(PinService service, OnboardingMetrics metrics, JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    /** Answers the onboarding view after the change. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public Uni<OnboardingView> put(@NotNull PinRequest request) {
        switch (PinPolicy.check(request.pin())) {
            case MALFORMED -> {
                metrics.step("pin", "invalid");
                throw ApiException.validation("pin", "must be exactly 4 digits");
            }
            case TOO_WEAK -> {
                metrics.step("pin", "invalid");
                throw ApiException.badRequest(OnboardingErrors.PIN_TOO_WEAK,
                        "This PIN is too easy to guess: avoid repeated digits, sequences and common PINs.");
            }
            default -> {
            }
        }
        return service.setPin(jwt.getSubject(), request.pin(), request.currentPin())
                .map(change -> {
                    PinCheck check = change.currentPinCheck();
                    if (check == null) {
                        metrics.step("pin", "completed");
                        return change.onboarding();
                    }
                    metrics.step("pin", "refused");
                    if (check.outcome() == PinCheck.Outcome.LOCKED) {
                        throw OnboardingProblems.paymentsLocked();
                    }
                    throw new AttemptsException(403, OnboardingErrors.PIN_INVALID, "Forbidden",
                            "The current PIN is wrong; " + check.attemptsRemaining() + " attempt(s) remaining.",
                            check.attemptsRemaining());
                })
                .onFailure(OnboardingRefusal.class).invoke(() -> metrics.step("pin", "refused"));
    }
}
