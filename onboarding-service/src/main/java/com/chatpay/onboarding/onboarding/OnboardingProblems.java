package com.chatpay.onboarding.onboarding;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.ProblemMappers;
import com.chatpay.onboarding.pin.PinCheck;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders onboarding refusals as problem documents, next to the shared mappers of chatpay-common: a refused step
 * names the step to take instead.
 */
public class OnboardingProblems {

    @ServerExceptionMapper
    public Response refusal(OnboardingRefusal e) {
        return ProblemMappers.render(toApi(e));
    }

    public static ApiException toApi(OnboardingRefusal e) {
        return switch (e.reason()) {
            case STEP_OUT_OF_ORDER -> ApiException.conflict(OnboardingErrors.ONBOARDING_STEP_OUT_OF_ORDER,
                    "Step " + e.attempted() + " is not possible yet: the next step is "
                            + e.state().nextStep().map(Enum::name).orElse("none") + ".");
            case ALREADY_ACTIVE -> ApiException.conflict(OnboardingErrors.ONBOARDING_STEP_OUT_OF_ORDER,
                    "Onboarding is complete: payments are already active.");
            case NOT_AVAILABLE_IN_COUNTRY -> ApiException.conflict(OnboardingErrors.NOT_AVAILABLE_IN_COUNTRY,
                    "Onboarding is complete, but payments are not available in your country yet.");
            case PAYMENTS_LOCKED -> paymentsLocked();
            case USER_SUSPENDED -> ApiException.conflict(OnboardingErrors.USER_SUSPENDED,
                    "Payments are suspended for this user.");
        };
    }

    /** A wrong PIN: 403 with the attempts remaining, or 423 when it was the last one allowed. */
    public static ApiException pinRefused(PinCheck check) {
        if (check.outcome() == PinCheck.Outcome.LOCKED) {
            return paymentsLocked();
        }
        int remaining = check.attemptsRemaining();
        return new AttemptsException(403, OnboardingErrors.PIN_INVALID, "Forbidden",
                "The PIN is wrong; " + remaining + " attempt(s) remaining before payments are locked.", remaining);
    }

    /** 423: too many wrong PINs; an SMS re-verification ({@code POST /v1/me/activation/sms}) unlocks. */
    public static ApiException paymentsLocked() {
        return new ApiException(423, OnboardingErrors.PAYMENTS_LOCKED, "Locked",
                "Payments are locked after too many wrong PINs: verify your phone by SMS to unlock them.", null,
                null);
    }
}
