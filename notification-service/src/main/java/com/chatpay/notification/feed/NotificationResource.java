package com.chatpay.notification.feed;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /v1/me/notifications}: the caller's in-app notifications, newest first, cursor-paginated. */
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
        int size = FeedPaging.limit(limit);
        FeedCursor after = cursor == null || cursor.isEmpty() ? null : FeedCursor.decode(cursor);
        return service.feed(jwt.getSubject(), size, after);
    }
}
