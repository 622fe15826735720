package com.chatpay.notification.feed;

import com.chatpay.common.paging.PageLimit;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import com.chatpay.common.problem.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /v1/me/notifications}: the caller's in-app notifications, newest first, cursor-paginated;
 * {@code PUT /v1/me/notifications/{id}/read}: marks one of them read.
 */
@Path("/v1/me/notifications")
public class NotificationResource {

    private final NotificationService service;
    private final JsonWebToken jwt;

    public NotificationResource(NotificationService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    /** {@code limit} 1..100 (default 20); {@code cursor} the {@code nextCursor} of the previous page. */
    @GET
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NotificationPage> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = PageLimit.parse(limit);
        PageCursor after = PageCursor.decode(NotificationService.LIST, cursor);
        return service.feed(jwt.getSubject(), size, after);
    }

    /** Marks the caller's notification {@code id} read; answers it. Another user's (or a malformed id) is a 404. */
    @PUT
    @Path("/{id}/read")
    @RolesAllowed(Roles.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NotificationView> markRead(@PathParam("id") String id) {
        UUID notificationId;
        try {
            notificationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such notification.");
        }
        return service.markRead(jwt.getSubject(), notificationId);
    }
}
