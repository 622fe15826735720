package com.chatpay.notification.push;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default {@link PushProvider}: a push service simulator with behaviour. It answers after a configurable latency,
 * refuses a configurable share of sends, honours idempotency keys, and records every push it delivers in
 * {@code push_message} (autocommitted: it stands for a system outside this service).
 *
 * <p>A token starting with {@value #UNREGISTERED_PREFIX} is refused for good, like a token APNs answers
 * {@code 410 Unregistered} for (the app was removed from the device).
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPushProvider implements PushProvider {

    /** Tokens the simulated push service no longer knows. */
    public static final String UNREGISTERED_PREFIX = "sim-unregistered-";

    private final PushConfig.Simulator config;
    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;

    public SimulatedPushProvider(PushConfig config, Pool pool, Vertx vertx, Clock clock) {
        this.config = config.simulator();
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public Uni<PushReceipt> send(OutgoingPush push) {
        return latency().chain(() -> {
            if (push.token().startsWith(UNREGISTERED_PREFIX)) {
                return Uni.createFrom().failure(new PushProviderException("simulated push service: token unregistered",
                        true));
            }
            if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
                return Uni.createFrom().failure(new PushProviderException("simulated push service unavailable",
                        false));
            }
            return recordOnce(push);
        });
    }

    private Uni<PushReceipt> recordOnce(OutgoingPush push) {
        return pool.preparedQuery("INSERT INTO push_message (idempotency_key, token, platform, text, sent_at) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id")
                .execute(Tuple.of(push.idempotencyKey(), push.token(), push.platform().name(), push.text(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(new PushReceipt("sim-push-" + rows.iterator().next().getLong("id"),
                                false));
                    }
                    return pool.preparedQuery("SELECT id FROM push_message WHERE idempotency_key = $1")
                            .execute(Tuple.of(push.idempotencyKey()))
                            .map(existing -> new PushReceipt("sim-push-" + existing.iterator().next().getLong("id"),
                                    true));
                });
    }

    /** Waits on a Vert.x timer, so the caller resumes on its own Vert.x context. */
    private Uni<Void> latency() {
        long millis = config.latency().toMillis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }
}
