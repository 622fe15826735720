package com.chatpay.payment.cardnetwork;

import io.quarkus.arc.DefaultBean;
import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulator is the default card network; a real adapter replaces it by being another {@link CardNetwork} bean.
 * With {@code simulator-store=database} it remembers in payment-service's database, over a pool of its own.
 */
@ApplicationScoped
public class CardNetworkProducer {

    /** The simulator's own connections: each holds one short transaction per call, after the simulated latency. */
    private static final int SIMULATOR_POOL_SIZE = 4;

    private volatile Pool simulatorPool;

    @Produces
    @DefaultBean
    @Singleton
    CardNetwork simulator(Vertx vertx, CardNetworkConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        SimulatorMemory memory;
        if (config.simulatorStore() == CardNetworkConfig.SimulatorStore.DATABASE) {
            simulatorPool = simulatorPool(vertx, url, user, password);
            memory = new DatabaseSimulatorMemory(simulatorPool, config.rememberedReferences());
        } else {
            memory = new InMemorySimulatorMemory(config.rememberedReferences());
        }
        return new SimulatedCardNetwork(vertx, config, () -> ThreadLocalRandom.current().nextDouble(), memory);
    }

    /** A pool of the simulator's own to the database at {@code url} (the reactive datasource's form). */
    static Pool simulatorPool(Vertx vertx, String url, String user, String password) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(SIMULATOR_POOL_SIZE).setName("card-network-simulator"))
                .connectingTo(PgConnectOptions.fromUri(url).setUser(user).setPassword(password))
                .using(io.vertx.mutiny.core.Vertx.newInstance(vertx))
                .build();
    }

    void close(@Disposes CardNetwork network) {
        Pool pool = simulatorPool;
        if (pool != null) {
            pool.closeAndForget();
        }
    }
}
