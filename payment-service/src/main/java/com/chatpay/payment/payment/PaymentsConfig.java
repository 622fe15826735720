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

    /**
     * How many payments whose limits were reserved settle at once. A settlement holds no database connection while
     * the card network answers, so this bounds the calls in flight to the network, not the use of the pool: with the
     * network answering in {@code t} per call, three calls per payment, at most {@code concurrency / 3t} payments a
     * second settle (256 at 300 ms: about 280 a second).
     */
    @WithDefault("256")
    int settlementConcurrency();

    /** How many reserved payments wait in memory for a settlement slot; beyond, the retry sweeper takes them. */
    @WithDefault("10000")
    int settlementQueue();

    /**
     * How long a claim on a payment's card step lasts: the decision that reserves a payment claims its step, and the
     * retry sweeper claims a step that is due. Should the process stop (or its settlement queue be full) before the
     * step's outcome is written, the retry sweeper takes the step over once the claim has lapsed. Longer than a step's
     * calls can take with their timeouts, status queries and retries.
     */
    @WithDefault("30s")
    Duration settlementLease();
}
