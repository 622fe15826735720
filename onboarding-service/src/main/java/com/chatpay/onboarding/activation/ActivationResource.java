package com.chatpay.onboarding.activation;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.AttemptsException;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingRefusal;
import com.chatpay.onboarding.onboarding.OnboardingStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v1/me/activation")
@Produces(MediaType.APPLICATION_JSON)
public class ActivationResource {

    /** {@code POST /v1/me/activation/verify}. */
    public record VerifyRequest(String code) {
        @Override
        public String toString() {
            return "VerifyRequest[masked]";
        }
    }

    /** The status after a successful verification ({@code ACTIVE}, or the step still missing after an unlock). */
    public record VerifyResponse(OnboardingStatus status) {
    }

    private final ActivationService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public ActivationResource(ActivationService service, OnboardingMetrics metrics, JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    @POST
    @Path("/sms")
    @ResponseStatus(202)
    @RolesAllowed(Roles.USER)
    public Uni<ActivationService.CodeSent> requestCode() {
        return service.requestCode(jwt.getSubject())
                .invoke(() -> metrics.step("sms_request", "completed"))
                .onFailure(OnboardingRefusal.class).invoke(() -> metrics.step("sms_request", "refused"));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public Uni<VerifyResponse> verify(@NotNull VerifyRequest request) {
        if (request.code() == null || !request.code().matches("[0-9]{6}")) {
            throw ApiException.validation("code", "must be the 6 digits received by SMS");
        }
        return service.verify(jwt.getSubject(), request.code())
                .map(this::answer)
                .onFailure(OnboardingRefusal.class).invoke(() -> metrics.step("sms_verification", "refused"));
    }

    private VerifyResponse answer(ActivationService.Verification v) {
        switch (v.outcome()) {
            case VERIFIED -> {
                metrics.smsCode("verified");
                metrics.step("sms_verification", "completed");
                return new VerifyResponse(v.status());
            }
            case INVALID -> {
                metrics.smsCode("invalid");
                throw new AttemptsException(400, OnboardingErrors.SMS_CODE_INVALID, "Bad request",
                        "The code is wrong; " + v.attemptsRemaining() + " attempt(s) remaining.",
                        v.attemptsRemaining());
            }
            case EXPIRED -> {
                metrics.smsCode("expired");
                throw ApiException.badRequest(OnboardingErrors.SMS_CODE_EXPIRED,
                        "The code has expired: request a new one.");
            }
            case EXHAUSTED -> {
                metrics.smsCode("exhausted");
                throw ApiException.badRequest(OnboardingErrors.SMS_CODE_EXHAUSTED,
                        "Too many wrong entries for this code: request a new one.");
            }
            default -> throw ApiException.conflict(OnboardingErrors.SMS_CODE_NOT_REQUESTED,
                    "No code is waiting to be entered: request one first.");
        }
    }
}
