package com.chatpay.onboarding.card;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.cardnetwork.CardNetwork;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingRefusal;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v1/me/cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardResource {

    private final CardService service;
    private final CardNetwork network;
    private final OnboardingMetrics metrics;
    private final Clock clock;
    private final JsonWebToken jwt;

    public CardResource(CardService service, CardNetwork network, OnboardingMetrics metrics, Clock clock,
            JsonWebToken jwt) {
        this.service = service;
        this.network = network;
        this.metrics = metrics;
        this.clock = clock;
        this.jwt = jwt;
    }

    /** Checks the card, verifies it with the network (outside any transaction), then stores it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed(Roles.USER)
    public Uni<CardView> register(@NotNull CardRequest request) {
        String userId = jwt.getSubject();
        CardRules.Result checked = CardRules.check(request, clock);
        if (!checked.valid()) {
            metrics.step("card", "invalid");
            throw ApiException.validation(checked.errors());
        }
        CardRules.ValidCard card = checked.card();
        return service.checkCanRegister(userId)
                .chain(() -> network.verify(card.pan(), card.expiry(), card.cvc()))
                .chain(verification -> {
                    if (!verification.approved()) {
                        metrics.step("card", "declined");
                        return Uni.createFrom().failure(ApiException.unprocessable(OnboardingErrors.CARD_DECLINED,
                                "The card issuer declined to verify this card."));
                    }
                    return service.register(userId, card, verification.token())
                            .invoke(() -> metrics.step("card", "completed"));
                })
                .onFailure(OnboardingRefusal.class).invoke(() -> metrics.step("card", "refused"));
    }

    @GET
    @RolesAllowed(Roles.USER)
    public Uni<CardView.Page> list() {
        return service.list(jwt.getSubject()).map(items -> new CardView.Page(items, null));
    }

    @DELETE
    @Path("/{cardId}")
    @RolesAllowed(Roles.USER)
    public Uni<Void> remove(@PathParam("cardId") UUID cardId) {
        return service.remove(jwt.getSubject(), cardId).invoke(() -> metrics.step("card_removal", "completed"));
    }
}
