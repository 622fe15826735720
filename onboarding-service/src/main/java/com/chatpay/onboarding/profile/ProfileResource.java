package com.chatpay.onboarding.profile;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingRefusal;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.exception.ConstraintViolationException;

@Path("/v1/me/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ProfileService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public ProfileResource(ProfileService service, OnboardingMetrics metrics, JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    @GET
    @RolesAllowed(Roles.USER)
    public Uni<ProfileView> get() {
        return service.get(jwt.getSubject());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public Uni<ProfileView> put(@NotNull ProfileRequest request) {
        ProfileRules.Result checked = ProfileRules.check(request);
        if (!checked.valid()) {
            metrics.step("profile", "invalid");
            throw ApiException.validation(checked.errors());
        }
        return service.put(jwt.getSubject(), checked.profile())
                // two first submissions of one user race to insert the row: the loser retries, as an update
                .onFailure(ProfileResource::isDuplicateKey).retry().atMost(1)
                .invoke(() -> metrics.step("profile", "completed"))
                .onFailure(OnboardingRefusal.class).invoke(() -> metrics.step("profile", "refused"));
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
