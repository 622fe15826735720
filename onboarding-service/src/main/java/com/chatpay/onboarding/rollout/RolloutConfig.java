package com.chatpay.onboarding.rollout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The country rollout sweep, which activates users a raised percentage lets in. */
@ConfigMapping(prefix = "chatpay.rollout")
public interface RolloutConfig {

    /** Most users one sweep transaction activates (in the ops change itself, and on each periodic run). */
    @WithDefault("200")
    int sweepBatchSize();

    /**
     * How often the periodic sweep runs (a Quarkus scheduler interval, e.g. {@code 30s}); it activates those the
     * change's own sweep left, and users whose onboarding raced with a change. {@code off} disables it.
     */
    @WithDefault("30s")
    String sweepInterval();
}
