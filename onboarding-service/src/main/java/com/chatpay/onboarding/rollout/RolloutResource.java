package com.chatpay.onboarding.rollout;

import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Ops: open payments per country, to a percentage of its users, at run time. */
@Path("/v1/ops/rollout/{country}")
@Produces(MediaType.APPLICATION_JSON)
public class RolloutResource {

    private final RolloutService service;
    private final JsonWebToken jwt;

    public RolloutResource(RolloutService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<RolloutView> get(@PathParam("country") String country) {
        return service.get(supported(country));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    public Uni<RolloutView> put(@PathParam("country") String country, @Valid @NotNull RolloutRequest request) {
        return service.set(supported(country), request.enabled(), request.percentage(), jwt.getSubject());
    }

    private static String supported(String country) {
        String code = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (!CountryCurrency.isSupported(code)) {
            throw ApiException.validation("country", "must be an ISO 3166-1 alpha-2 country chatpay supports");
        }
        return code;
    }
}
