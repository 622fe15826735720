package com.chatpay.payment.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Business timings of payments. */
@ConfigMapping(prefix = "chatpay.payments")
public interface PaymentsConfig {

    /** How long a payment waits for a payee without card or activation before it expires and the hold is voided. */
    @WithDefault("P7D")
    Duration payeeWait();

    /** How often a {@code Prefer: wait=N} request re-reads its payment while it is PENDING. */
    @WithDefault("100ms")
    Duration waitPollInterval();

    /** How often expired AWAITING_PAYEE payments are looked for (also read by the sweeper's schedule). */
    @WithDefault("1m")
    Duration expirySweepInterval();

    /**
     * How often the ledger is asked which payments wait for a person to reconcile them (read by
     * {@code ReconciliationWatch}'s schedule).
     */
    @WithDefault("1m")
    Duration reconciliationCheckInterval();

    /** The most expired payments handled per sweep transaction. */
    @WithDefault("100")
    int expirySweepBatch();

    /** How long an Idempotency-Key is remembered; a key older than this is treated as new (a fresh payment). */
    @WithDefault("PT24H")
    Duration idempotencyKeyTtl();

    /** How often expired Idempotency-Key records are deleted (also read by the purger's schedule). */
    @WithDefault("10m")
    Duration idempotencyPurgeInterval();

    /** The most expired Idempotency-Key records deleted per purge transaction. */
    @WithDefault("500")
    int idempotencyPurgeBatch();

    /** How long a payment whose card-network step could not run (network unavailable) waits before it is retried. */
    @WithDefault("30s")
    Duration networkRetryDelay();

    /** How often payments waiting for the card network are looked for (also read by the retry sweeper's schedule). */
    @WithDefault("5s")
    Duration networkRetrySweepInterval();

    /** The most payments retried per sweep transaction. */
    @WithDefault("50")
    int networkRetryBatch();

    /** How many payments whose limits were reserved settle at once (each holds a database connection meanwhile). */
    @WithDefault("32")
    int settlementConcurrency();

    /** How many reserved payments wait in memory for a settlement slot; beyond, the retry sweeper takes them. */
    @WithDefault("10000")
    int settlementQueue();

    /**
     * How long after its limits reservation a payment that has not been settled (the process stopped, or its queue
     * was full) is taken by the retry sweeper.
     */
    @WithDefault("10s")
    Duration settlementBackstop();
}
