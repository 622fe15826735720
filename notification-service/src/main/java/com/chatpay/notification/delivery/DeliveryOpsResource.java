package com.chatpay.notification.delivery;

import com.chatpay.common.paging.PageLimit;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Ops: {@code GET /v1/ops/notifications?status=FAILED&limit=&cursor=} lists deliveries (SMS, push, bubbles) newest
 * first; {@code POST /v1/ops/notifications/{id}/retry} puts a FAILED or SKIPPED one back in the queue.
 */
@Path("/v1/ops/notifications")
public class DeliveryOpsResource {

    private final DeliveryOpsService service;
    private final JsonWebToken jwt;

    public DeliveryOpsResource(DeliveryOpsService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    /** {@code status} PENDING, SENT, FAILED or SKIPPED (all when absent); {@code limit} 1..100 (default 20). */
    @GET
    @RolesAllowed(Roles.OPS)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DeliveryPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        int size = PageLimit.parse(limit);
        PageCursor after = PageCursor.decode(DeliveryOpsService.LIST, cursor);
        return service.list(status(status), size, after);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.OPS)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DeliveryView> retry(@PathParam("id") String id) {
        UUID deliveryId;
        try {
            deliveryId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such delivery.");
        }
        return service.retry(deliveryId, jwt.getSubject());
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
