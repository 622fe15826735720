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

    /** The most expired payments handled per sweep transaction. */
    @WithDefault("100")
    int expirySweepBatch();
}
