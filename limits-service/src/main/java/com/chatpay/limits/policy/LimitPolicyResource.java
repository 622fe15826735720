package com.chatpay.limits.policy;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Ops: read and change a country's limits at run time. */
@Path("/v1/ops/limit-policies/{country}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class LimitPolicyResource {

    private final LimitPolicyService service;
    private final JsonWebToken jwt;

    public LimitPolicyResource(LimitPolicyService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    public Uni<LimitPolicyView> get(@PathParam("country") @Pattern(regexp = "[A-Z]{2}") String country) {
        return service.get(country);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<LimitPolicyView> put(@PathParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
            @NotNull @Valid LimitPolicyRequest request) {
        return service.put(country, request, jwt.getSubject());
    }
}
