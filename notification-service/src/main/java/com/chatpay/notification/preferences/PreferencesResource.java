package com.chatpay.notification.preferences;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET/PUT /v1/me/notification-preferences}: the caller's own preferences. */
@Path("/v1/me/notification-preferences")
public class PreferencesResource {

    private final PreferencesService service;
    private final JsonWebToken jwt;

    public PreferencesResource(PreferencesService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PreferencesView> get() {
        return service.of(jwt.getSubject());
    }

    @PUT
    @RolesAllowed(Roles.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PreferencesView> put(@Valid @NotNull PreferencesRequest request) {
        return service.update(jwt.getSubject(), request);
    }
}
