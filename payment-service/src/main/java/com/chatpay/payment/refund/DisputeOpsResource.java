package com.chatpay.payment.refund;

import com.chatpay.common.paging.PageLimit;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /v1/ops/disputes}: the dispute queue and its resolution, for ops only. */
@Path("/v1/ops/disputes")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeOpsResource {

    private final RefundService service;
    private final JsonWebToken jwt;

    public DisputeOpsResource(RefundService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    /** Disputes oldest first, of {@code status} (OPEN, REFUNDED, REJECTED) or all. */
    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<DisputePage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        DisputeStatus wanted = null;
        if (status != null && !status.isEmpty()) {
            try {
                wanted = DisputeStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", "must be OPEN, REFUNDED or REJECTED");
            }
        }
        return service.queue(wanted, PageCursor.decode(RefundService.DISPUTES, cursor), PageLimit.parse(limit));
    }

    /**
     * REFUND refunds the payment (the dispute becomes REFUNDED), REJECT closes the dispute (REJECTED): 200 with the
     * dispute; 404 unknown, 409 DISPUTE_NOT_OPEN, 422 REFUND_FAILED when the card network refuses (it stays OPEN).
     */
    @POST
    @Path("{disputeId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    public Uni<DisputeView> resolve(@PathParam("disputeId") String disputeId,
            @Valid @NotNull ResolveDisputeRequest request) {
        UUID id;
        try {
            id = UUID.fromString(disputeId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such dispute.");
        }
        return service.resolve(id, jwt.getSubject(), request.outcome(), request.note()).map(resolution -> {
            RefundResource.requireRefunded(resolution.refund());
            return DisputeView.of(resolution.dispute());
        });
    }
}
