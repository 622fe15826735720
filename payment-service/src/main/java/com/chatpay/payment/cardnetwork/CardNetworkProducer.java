package com.chatpay.payment.cardnetwork;

import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;

/** The simulator is the default card network; a real adapter replaces it by being another {@link CardNetwork} bean. */
@ApplicationScoped
public class CardNetworkProducer {

    @Produces
    @DefaultBean
    @Singleton
    CardNetwork simulator(Vertx vertx, CardNetworkConfig config) {
        return new SimulatedCardNetwork(vertx, config, () -> ThreadLocalRandom.current().nextDouble());
    }
}
