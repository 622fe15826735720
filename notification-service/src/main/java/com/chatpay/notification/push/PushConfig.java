package com.chatpay.notification.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Push tokens and the simulated push service. */
@ConfigMapping(prefix = "chatpay.push")
public interface PushConfig {

    /** The most devices a user receives pushes on; registering one more drops the least recently registered. */
    @WithDefault("5")
    int maxTokensPerUser();

    /** The push simulator, the default {@link PushProvider}. */
    Simulator simulator();

    interface Simulator {

        /** How long the simulated push service takes to answer. */
        @WithDefault("50ms")
        Duration latency();

        /** Share (0 to 1) of sends the simulated push service refuses; the delivery worker retries them. */
        @WithDefault("0")
        double failureRate();
    }
}
