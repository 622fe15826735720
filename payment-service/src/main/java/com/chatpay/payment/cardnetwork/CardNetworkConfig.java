package com.chatpay.payment.cardnetwork;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The card-network simulator's behaviour. */
@ConfigMapping(prefix = "chatpay.card-network")
public interface CardNetworkConfig {

    /** How long each simulated call takes to answer. */
    @WithDefault("30ms")
    Duration latency();

    /** How long a call may take before it counts as timed out (the simulator's TIMEOUT cards always reach it). */
    @WithDefault("2s")
    Duration timeout();

    /** Probability (0..1) that an authorize, capture, push or void fails with CARD_NETWORK_ERROR, on top of the test cards' script. */
    @WithDefault("0")
    double failureRate();

    /**
     * How many references (payments) the simulator remembers, with their holds, payouts and answers; the oldest is
     * forgotten beyond that and then answers as never seen. 100,000 is about 25 MB of heap, and 20 minutes at the
     * bench's highest rate: far longer than any retry, expiry or test needs.
     */
    @WithDefault("100000")
    int rememberedReferences();

    /**
     * Where the simulator remembers its references: {@code memory}, in the process (one replica; a restart forgets),
     * or {@code database}, in payment-service's table {@code simulated_card_reference}, shared by every replica and
     * kept through restarts (a chart with several replicas sets it). A production adapter ignores it.
     */
    @WithDefault("memory")
    SimulatorStore simulatorStore();

    enum SimulatorStore { MEMORY, DATABASE }

    /** Retries of calls that failed with a transient network error (never of declines or timeouts). */
    Retry retry();

    /** The circuit breaker around the network adapter. */
    Breaker circuitBreaker();

    interface Retry {

        /** The most calls made for one operation, the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** The wait before the first retry. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Each further retry waits this many times longer than the previous one. */
        @WithDefault("2")
        double multiplier();

        /** The longest wait between two attempts. */
        @WithDefault("2s")
        Duration maxBackoff();
    }

    interface Breaker {

        /** How many of the latest calls' outcomes the breaker weighs. */
        @WithDefault("50")
        int windowSize();

        /** The fewest outcomes in the window before it may open: a handful of calls in a quiet hour do not. */
        @WithDefault("20")
        int minimumCalls();

        /** The share (0..1] of failed calls (errors or timeouts) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRateThreshold();

        /** How long an open breaker refuses calls before it lets one trial call through. */
        @WithDefault("30s")
        Duration coolDown();
    }
}
