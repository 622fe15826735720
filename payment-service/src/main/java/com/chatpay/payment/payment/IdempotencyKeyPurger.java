package com.chatpay.payment.payment;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes Idempotency-Key records older than {@link PaymentsConfig#idempotencyKeyTtl()}, in batches of
 * {@link PaymentsConfig#idempotencyPurgeBatch()} rows, one transaction each, so a large backlog never holds long locks.
 * An expired key is already treated as new by {@link PaymentService#create}; the purge only reclaims the space.
 */
@ApplicationScoped
public class IdempotencyKeyPurger {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurger.class);

    private final IdempotencyRepository records;
    private final Pool pool;
    private final PaymentsConfig config;
    private final Clock clock;

    public IdempotencyKeyPurger(IdempotencyRepository records, Pool pool, PaymentsConfig config, Clock clock) {
        this.records = records;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${chatpay.payments.idempotency-purge-interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutdown began: the run would fail on the closing connection pool
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPurge() {
        return purge().invoke(deleted -> {
            if (deleted > 0) {
                LOG.debugf("purged %d expired idempotency keys", deleted);
            }
        }).replaceWithVoid();
    }

    /** Deletes every record expired now, batch after batch; answers how many were deleted. */
    public Uni<Integer> purge() {
        Instant expiredBefore = clock.instant().minus(config.idempotencyKeyTtl());
        return purgeFrom(expiredBefore, 0);
    }

    private Uni<Integer> purgeFrom(Instant expiredBefore, int deletedSoFar) {
        int batch = config.idempotencyPurgeBatch();
        // one statement, its own transaction
        return records.deleteExpired(pool, expiredBefore, batch).chain(deleted -> deleted < batch
                ? Uni.createFrom().item(deletedSoFar + deleted)
                : purgeFrom(expiredBefore, deletedSoFar + deleted));
    }
}
