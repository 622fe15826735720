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

    /** Probability (0..1) that an authorize, capture or push fails with CARD_NETWORK_ERROR, on top of the test cards' script. */
    @WithDefault("0")
    double failureRate();
}
