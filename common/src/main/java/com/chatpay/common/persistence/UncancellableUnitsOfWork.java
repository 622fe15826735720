package com.chatpay.common.persistence;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Makes every {@code @WithTransaction} and {@code @WithSession} method of every service run to its end (commit or
 * rollback, then the session closed and its connection given back to the pool) even when whoever subscribed to it
 * cancels: a unit of work that has started is not cancellable.
 *
 * <p>Why: Quarkus REST cancels the {@code Uni} a resource method returned when the HTTP client closes the connection
 * before the response (a client or gateway timeout, which under overload is every client; quarkusio/quarkus#41710,
 * opt-out per resource with {@code @Cancellable(false)} since #45144). That cancellation reaches the unit of work in
 * flight: Hibernate Reactive rolls the transaction back on cancellation and Panache's
 * {@code withSession(...).eventually(closeSession)} closes the session; Mutiny runs that {@code eventually} callback
 * <em>at once</em>, while the transaction is still running on the same session and connection ("HR000090:
 * Live transaction detected while closing the connection", "Session/EntityManager is closed", "possible
 * non-threadsafe access to session" in the log). With unlucky timing the connection ends up rolled back but never
 * released: "idle" after ROLLBACK in PostgreSQL and out of the reactive pool for the life of the process; once the
 * pool is drained every request fails with the pool's acquisition timeout. Known and open upstream:
 * quarkusio/quarkus#51576 (DB connection might leak if the HTTP client closes the HTTP connection) and
 * hibernate/hibernate-reactive#2926 (roll back live transaction when closing the connection); the same class as
 * hibernate/hibernate-reactive#1436 and #4133 (cancellation while a connection is being acquired).
 *
 * <p>How: these interceptors sit just outside Panache's own ({@code WithTransactionInterceptor} and
 * {@code WithSessionInterceptor}, priority 200) and subscribe to the unit of work on behalf of
 * the caller. Cancelling the caller's subscription only drops the result; the unit of work itself completes, commits
 * or rolls back, and closes its session normally. The work a request already started is finished rather than cut in
 * half, which also keeps the database and the outbox consistent with what the request did. Being in {@code common},
 * it covers the four services without any annotation on their resources (the alternative, Quarkus REST's
 * {@code @Cancellable(false)}, has to be put on every resource). Programmatic {@code Panache.withTransaction} is not
 * covered: the services use it only in background work (Kafka consumers, sweepers) that nothing cancels.
 */
public final class UncancellableUnitsOfWork {

    /** The priority of Panache's {@code @WithTransaction} / {@code @WithSession} interceptors. */
    static final int PANACHE_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 200;

    private UncancellableUnitsOfWork() {
    }

    /**
     * {@code work}, subscribed to for its caller: cancelling the returned {@code Uni} does not cancel {@code work}, it
     * only stops the caller from getting its outcome. Each subscription to the returned {@code Uni} subscribes to
     * {@code work} once (a retry runs the unit of work again, as before).
     */
    public static <T> Uni<T> uncancellable(Uni<T> work) {
        return Uni.createFrom().emitter(emitter ->
                work.subscribe().with(emitter.context(), emitter::complete, emitter::fail));
    }

    static Object proceedUncancellable(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? uncancellable(work) : result;
    }

    /** Around every {@code @WithTransaction} method, outside Panache's interceptor. */
    @WithTransaction
    @Interceptor
    @Priority(PANACHE_PRIORITY - 1)
    public static class Transactions {
        @AroundInvoke
        Object around(InvocationContext context) throws Exception {
            return proceedUncancellable(context);
        }
    }

    /** Around every {@code @WithSession} method, outside Panache's interceptor. */
    @WithSession
    @Interceptor
    @Priority(PANACHE_PRIORITY - 1)
    public static class Sessions {
        @AroundInvoke
        Object around(InvocationContext context) throws Exception {
            return proceedUncancellable(context);
        }
    }
}
