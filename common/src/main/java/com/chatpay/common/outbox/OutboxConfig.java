package com.chatpay.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "chatpay.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka (tests switch it off to simulate a crash before publish). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How long the relay waits before polling again after finding nothing to publish. Events this process commits
     * wake it at once, so this only bounds the delay of rows left by a process that died before its relay ran (or
     * written by hand).
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How long the relay waits after a failure (Kafka or the database unreachable) before trying again. */
    @WithDefault("1s")
    Duration retryInterval();

    /** The most rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept for audit before the relay deletes them. */
    @WithDefault("P7D")
    Duration retention();
}
