package com.chatpay.onboarding.onboarding;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/v1/me/onboarding")
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    private final OnboardingService service;
    private final JsonWebToken jwt;

    public OnboardingResource(OnboardingService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed(Roles.USER)
    public Uni<OnboardingView> get() {
        return service.status(jwt.getSubject());
    }
}
