package com.chatpay.common.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure that means "a dependency is down right now" (the database refuses connections, cut them, is
 * shutting down or still starting): the request did nothing, and the same request will work once the dependency is
 * back. Such failures answer 503 with Retry-After, not 500: a client (or the gateway) retries them, and an SRE sees
 * an outage, not a bug.
 */
public final class DependencyOutage {

    private DependencyOutage() {
    }

    /** Whether {@code failure}, or anything in its cause chain (Mutiny composites included), is such an outage. */
    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, new IdentityHashMap<>());
    }

    private static boolean isOutage(Throwable e, Map<Throwable, Boolean> seen) {
        if (e == null || seen.put(e, Boolean.TRUE) != null) {
            return false;
        }
        if (e instanceof ConnectException || e instanceof ClosedConnectionException) {
            return true;
        }
        // Hibernate Reactive on a connection the database already cut: a stackless Vert.x failure, known by its text
        if (e.getMessage() != null
                && e.getMessage().startsWith("Connection is not active now")) {
            return true;
        }
        if (e instanceof PgException pg && pg.getSqlState() != null) {
            String state = pg.getSqlState();
            // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now (starting up)
            if (state.startsWith("08") || state.startsWith("57P")) {
                return true;
            }
        }
        if (e instanceof io.smallrye.mutiny.CompositeException composite) {
            for (Throwable cause : composite.getCauses()) {
                if (isOutage(cause, seen)) {
                    return true;
                }
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (isOutage(suppressed, seen)) {
                return true;
            }
        }
        return isOutage(e.getCause(), seen);
    }
}
