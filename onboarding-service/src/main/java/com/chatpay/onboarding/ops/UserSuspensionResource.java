package com.chatpay.onboarding.ops;

import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.OnboardingView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Ops: view a user's onboarding state, suspend their payments, and reinstate them. */
@Path("/v1/ops/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserSuspensionResource {

    private final UserSuspensionService service;
    private final OnboardingService onboarding;
    private final JsonWebToken jwt;

    public UserSuspensionResource(UserSuspensionService service, OnboardingService onboarding, JsonWebToken jwt) {
        this.service = service;
        this.onboarding = onboarding;
        this.jwt = jwt;
    }

    /** A user's onboarding status and next step, as the user sees them (never card, PIN or code data). */
    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<OnboardingView> view(@PathParam("userId") @Size(max = 128) String userId) {
        return onboarding.status(userId);
    }

    @POST
    @Path("/suspend")
    @RolesAllowed(Roles.OPS)
    public Uni<OnboardingView> suspend(@PathParam("userId") @Size(max = 128) String userId) {
        return service.setSuspended(userId, true, jwt.getSubject());
    }

    @POST
    @Path("/reinstate")
    @RolesAllowed(Roles.OPS)
    public Uni<OnboardingView> reinstate(@PathParam("userId") @Size(max = 128) String userId) {
        return service.setSuspended(userId, false, jwt.getSubject());
    }
}
