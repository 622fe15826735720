package com.chatpay.limits.usage;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** How much a user can still send, for the payment screen ("you can still send 1,000 €"). */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {

    private final UsageService usage;
    private final JsonWebToken jwt;

    public LimitsResource(UsageService usage, JsonWebToken jwt) {
        this.usage = usage;
        this.jwt = jwt;
    }

    @GET
    @Path("/me/limits")
    @RolesAllowed(Roles.USER)
    public Uni<LimitsView> mine() {
        return usage.headroom(jwt.getSubject());
    }

    @GET
    @Path("/ops/users/{userId}/limits")
    @RolesAllowed(Roles.OPS)
    public Uni<LimitsView> ofUser(@PathParam("userId") @Size(min = 1, max = 128) String userId) {
        return usage.headroom(userId);
    }
}
