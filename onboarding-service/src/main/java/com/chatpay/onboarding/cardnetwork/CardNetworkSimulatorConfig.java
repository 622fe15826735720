package com.chatpay.onboarding.cardnetwork;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The card-network simulator. */
@ConfigMapping(prefix = "chatpay.card-network.simulator")
public interface CardNetworkSimulatorConfig {

    /** Simulated round trip of a card verification (CARD_NETWORK_SIMULATOR_LATENCY). */
    @WithDefault("PT0.05S")
    Duration latency();

    /** Key (base64, at least 32 bytes) the simulated network derives card tokens with (CARD_NETWORK_SIMULATOR_KEY). */
    String networkKey();
}
