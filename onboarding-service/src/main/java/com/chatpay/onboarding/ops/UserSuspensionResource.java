package com.chatpay.onboarding.ops;

import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.OnboardingView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Ops: suspend a user's payments, and reinstate them. Answers the user's onboarding view. */
@Path("/v1/ops/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserSuspensionResource {

    private final UserSuspensionService service;
    private final JsonWebToken jwt;

    public UserSuspensionResource(UserSuspensionService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
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
