package com.chatpay.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem document, like every other refusal. Quarkus's own limit handler answers the same status with an empty
 * body; this route runs just before it, and closes the connection once the refused body has gone by.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** The most of a refused body read before closing anyway. */
    private static final long LINGER_BYTES = 16L * 1024 * 1024;
    /** The longest a refused body is waited for before closing anyway. */
    private static final long LINGER_MILLIS = 5_000;

    private final long maxBodySize;
    private final String problem;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.problem = json.writeValueAsString(Problem.of(413, ErrorCodes.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than " + this.maxBodySize + " bytes.", null).body(null));
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize) {
            lingerThenClose(context);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem);
            return;
        }
        context.next();
    }

    /**
     * Closes the connection once the client has sent the body it announced, reading and dropping it meanwhile (at
     * most {@link #LINGER_BYTES} and {@link #LINGER_MILLIS}). Closing at once, with the client still sending, lets
     * the TCP stack reset the connection, and the client may lose the answer before reading it.
     */
    private static void lingerThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        AtomicLong dropped = new AtomicLong();
        request.handler(chunk -> {
            if (dropped.addAndGet(chunk.length()) > LINGER_BYTES) {
                request.connection().close();
            }
        });
        request.endHandler(done -> request.connection().close());
        context.vertx().setTimer(LINGER_MILLIS, timeout -> request.connection().close());
        request.resume();
    }

    /** The Content-Length as a number; a malformed one is left for the HTTP layer to refuse. */
    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
