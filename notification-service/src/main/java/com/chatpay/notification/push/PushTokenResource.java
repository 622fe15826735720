package com.chatpay.notification.push;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code PUT /v1/me/push-tokens}: registers one of the caller's devices for push notifications (idempotent). */
@Path("/v1/me/push-tokens")
public class PushTokenResource {

    private final PushTokenService service;
    private final JsonWebToken jwt;

    public PushTokenResource(PushTokenService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @PUT
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PushTokenView> register(@Valid @NotNull PushTokenRequest request) {
        return service.register(jwt.getSubject(), request);
    }
}
