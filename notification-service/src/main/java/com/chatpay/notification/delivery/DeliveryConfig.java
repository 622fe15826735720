package com.chatpay.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the delivery worker sends the {@code delivery} rows. */
@ConfigMapping(prefix = "chatpay.delivery")
public interface DeliveryConfig {

    /** Whether this instance runs the delivery worker (several instances share the queue safely). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How long the worker waits before looking again after finding nothing due. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** How long the worker waits after its own failure (database unreachable) before trying again. */
    @WithDefault("2s")
    Duration errorInterval();

    /** The most deliveries claimed at once; they are sent concurrently. */
    @WithDefault("32")
    int batchSize();

    /**
     * How long a claimed delivery is reserved for the instance that claimed it: if that instance dies before
     * recording the outcome, the delivery is due again after this. Longer than any send can take.
     */
    @WithDefault("2m")
    Duration lease();

    /** The delay before the second attempt; each further attempt doubles it, up to {@link #backoffCap()}. */
    @WithDefault("1s")
    Duration backoffBase();

    /** The longest delay between two attempts. */
    @WithDefault("5m")
    Duration backoffCap();

    /** Attempts (the first included) before a delivery is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** How long SENT and SKIPPED deliveries are kept (for ops and dedup) before the worker deletes them. */
    @WithDefault("P30D")
    Duration retention();

    /** How often the worker counts the due backlog for {@code chatpay_notification_backlog}. */
    @WithDefault("5s")
    Duration backlogRefresh();
}
