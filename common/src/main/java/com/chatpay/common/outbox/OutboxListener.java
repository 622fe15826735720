package com.chatpay.common.outbox;

import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Listens on a PostgreSQL notification channel over one connection taken from the pool for as long as it lives, and
 * calls {@code onNotification} for each notification. When the connection is lost (database restart, network), it
 * calls {@code onNotification} once (a notification may have been missed) and listens again every {@code retry}
 * until it succeeds, logging the loss once and the recovery once.
 */
final class OutboxListener {

    private final Pool pool;
    private final Vertx vertx;
    private final String channel;
    private final Runnable onNotification;
    private final Duration retry;
    private final Logger log;
    private volatile boolean running;
    private volatile boolean failing;
    private volatile SqlConnection connection;

    OutboxListener(Pool pool, Vertx vertx, String channel, Runnable onNotification, Duration retry, Logger log) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.pool = pool;
        this.vertx = vertx;
        this.channel = channel;
        this.onNotification = onNotification;
        this.retry = retry;
        this.log = log;
    }

    void start() {
        running = true;
        listen();
    }

    void stop() {
        running = false;
        SqlConnection current = connection;
        if (current != null) {
            current.closeAndForget();
        }
    }

    private void listen() {
        if (!running) {
            return;
        }
        pool.getConnection().chain(conn -> {
            connection = conn;
            PgConnection pg = PgConnection.cast(conn);
            pg.notificationHandler(notification -> onNotification.run());
            pg.closeHandler(this::lost);
            return conn.query("LISTEN " + channel).execute();
        }).subscribe().with(listening -> {
            if (failing) {
                log.infof("listening on %s again", channel);
                failing = false;
            }
            onNotification.run(); // rows committed while nobody listened
        }, failure -> {
            SqlConnection current = connection;
            connection = null;
            if (current != null) {
                current.closeAndForget();
            }
            retryLater(failure.toString());
        });
    }

    private void lost() {
        connection = null;
        if (running) {
            onNotification.run();
            retryLater("connection closed");
        }
    }

    private void retryLater(String why) {
        if (!running) {
            return;
        }
        if (!failing) {
            log.warnf("cannot listen on %s, polling meanwhile and retrying every %s: %s", channel, retry, why);
            failing = true;
        }
        vertx.setTimer(retry.toMillis(), id -> listen());
    }
}
