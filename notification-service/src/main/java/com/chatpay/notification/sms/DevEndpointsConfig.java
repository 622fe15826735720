package com.chatpay.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Endpoints that exist only for developers and tests (the dev profile); everywhere else they answer 404. */
@ConfigMapping(prefix = "chatpay.dev-endpoints")
public interface DevEndpointsConfig {

    /** Whether {@code GET /dev/sms} answers; false in production, true in the dev and test profiles. */
    @WithDefault("false")
    boolean enabled();
}
