package com.chatpay.harness.bench;

import com.chatpay.common.ids.TimeOrderedIds;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The ceiling chatpay is compared with: the same PostgreSQL doing, over JDBC, the least a payment must do in one
 * transaction — lock and check the payer's window usage row ({@code SELECT … FOR UPDATE}), add the amount to it
 * ({@code UPDATE}) and record the payment ({@code INSERT}) — at the concurrency the bench's run had. chatpay does
 * more per payment (an authorization, the idempotency record, the outbox, a second database for the limits, events
 * through Kafka, the ledger), so its rate is a fraction of this one; the fraction says how much the architecture
 * costs over the bare minimum. The scratch tables live in the database given (the bench uses payment-service's) and
 * are dropped at the end, also after a failure.
 */
public final class PostgresCeiling {

    static final String USAGE_TABLE = "bench_ceiling_usage";
    static final String PAYMENT_TABLE = "bench_ceiling_payment";

    /** What the ceiling run measured: transactions per second and the per-transaction latency (µs). */
    public record Result(int concurrency, long transactions, double seconds, Histogram latencyMicros) {
        public double perSecond() {
            return seconds <= 0 ? 0 : transactions / seconds;
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public PostgresCeiling(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Runs {@code concurrency} connections, each committing payment transactions back to back among
     * {@code users} payers, for {@code warmup} unmeasured then {@code duration} measured.
     */
    public Result measure(int concurrency, int users, Duration warmup, Duration duration) {
        if (concurrency < 1 || users < 2) {
            throw new IllegalArgumentException("concurrency >= 1 and users >= 2 needed");
        }
        try (Connection admin = connect()) {
            admin.setAutoCommit(true);
            createTables(admin, users);
            try {
                return run(concurrency, users, warmup, duration);
            } finally {
                dropTables(admin);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL ceiling: " + e.getMessage(), e);
        }
    }

    private Result run(int concurrency, int users, Duration warmup, Duration duration) throws SQLException {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong committed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                Connection c = connect();
                c.setAutoCommit(false);
                connections.add(c);
            }
            for (Connection c : connections) {
                Thread t = new Thread(() -> {
                    try {
                        work(c, users, running, measuring, committed, latency);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "pg-ceiling");
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            sleep(warmup);
            long before = committed.get();
            long start = System.nanoTime();
            measuring.set(true);
            sleep(duration);
            long transactions = committed.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread t : workers) {
                t.join(10_000);
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a ceiling transaction failed: " + failure.get(), failure.get());
            }
            return new Result(concurrency, transactions, seconds, latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing after the run: nothing left to do with it
                }
            }
        }
    }

    private static void work(Connection c, int users, AtomicBoolean running, AtomicBoolean measuring,
            AtomicLong committed, Histogram latency) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT used, window_max FROM " + USAGE_TABLE
                + " WHERE user_id = ? FOR UPDATE");
                PreparedStatement update = c.prepareStatement("UPDATE " + USAGE_TABLE
                        + " SET used = used + ? WHERE user_id = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO " + PAYMENT_TABLE
                        + " (id, payer_id, payee_id, amount, status, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                int payer = random.nextInt(users);
                int payee = (payer + 1 + random.nextInt(users - 1)) % users;
                long amount = random.nextLong(100, 1001);
                long t0 = System.nanoTime();
                lock.setString(1, userId(payer));
                long used;
                long max;
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    used = rs.getLong(1);
                    max = rs.getLong(2);
                }
                boolean fits = used + amount <= max;
                if (fits) {
                    update.setLong(1, amount);
                    update.setString(2, userId(payer));
                    update.executeUpdate();
                }
                insert.setObject(1, TimeOrderedIds.next());
                insert.setString(2, userId(payer));
                insert.setString(3, userId(payee));
                insert.setLong(4, amount);
                insert.setString(5, fits ? "RESERVED" : "REJECTED");
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                c.commit();
                if (measuring.get()) {
                    committed.incrementAndGet();
                    latency.recordValue(Math.min(60_000_000L, (System.nanoTime() - t0) / 1000));
                }
            }
        }
    }

    private static String userId(int i) {
        return "ceiling-user-" + i;
    }

    private static void createTables(Connection admin, int users) throws SQLException {
        dropTables(admin);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE TABLE " + USAGE_TABLE + " (user_id text PRIMARY KEY, used bigint NOT NULL,"
                    + " window_max bigint NOT NULL)");
            s.execute("CREATE TABLE " + PAYMENT_TABLE + " (id uuid PRIMARY KEY, payer_id text NOT NULL,"
                    + " payee_id text NOT NULL, amount bigint NOT NULL, status text NOT NULL,"
                    + " created_at timestamptz NOT NULL)");
            s.execute("CREATE INDEX " + PAYMENT_TABLE + "_payer ON " + PAYMENT_TABLE + " (payer_id, created_at)");
            // the window never fills up: the check is made, the rejection path is not what is measured
            s.execute("INSERT INTO " + USAGE_TABLE + " SELECT 'ceiling-user-' || g, 0, " + Long.MAX_VALUE / 2
                    + " FROM generate_series(0, " + (users - 1) + ") g");
            s.execute("ANALYZE " + USAGE_TABLE);
        }
    }

    private static void dropTables(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + PAYMENT_TABLE);
            s.execute("DROP TABLE IF EXISTS " + USAGE_TABLE);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(Math.max(0, d.toMillis()));
    }
}
