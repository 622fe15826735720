package com.chatpay.harness.bench;

import com.chatpay.common.ids.TimeOrderedIds;
import java.io.PrintStream;
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
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code ./chatpay bench --key-order}: what the order of a primary key's values costs PostgreSQL once its index has
 * outgrown the cache, the reason the rows a payment writes have time-ordered ids ({@link TimeOrderedIds}). Two
 * scratch tables shaped like the ledger's lines, in a scratch database of the stack's server, are filled with
 * {@code rows} rows each (one with random ids, one with ids in time order); then {@code connections} connections
 * insert one row per transaction into each in turn, twice, each phase after a {@code CHECKPOINT}, the ids made by
 * the client as the services make them: {@link UUID#randomUUID()} against {@link TimeOrderedIds#next()}. Printed per
 * phase: inserts per second and, per insert, the WAL bytes and full-page images written (the server's, so the stack
 * should be idle) and the blocks read from outside PostgreSQL's shared buffers.
 */
public final class KeyOrderBench {

    static final String DATABASE = "bench_key_order";

    /** One phase: which keys, how many inserts in how long, and the server's counters' growth. */
    public record Phase(String keys, long inserts, double seconds, long walBytes, long fullPages, long blocksRead,
            long blocksHit) {

        public double perSecond() {
            return seconds <= 0 ? 0 : inserts / seconds;
        }

        double per(long counter) {
            return inserts == 0 ? 0 : (double) counter / inserts;
        }
    }

    /** The filled tables' primary keys and the server's cache, for the table's header. */
    public record Result(long rows, int connections, Duration phase, String randomIndexSize, String timeIndexSize,
            String sharedBuffers, List<Phase> phases) {
    }

    private final String adminUrl;
    private final String scratchUrl;
    private final String password;

    /** {@code port}: the stack's PostgreSQL; {@code superuserPassword}: its {@code postgres} role's. */
    public KeyOrderBench(int port, String superuserPassword) {
        this.adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        this.scratchUrl = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        this.password = superuserPassword;
    }

    public Result measure(long rows, int connections, Duration phase, PrintStream progress) {
        if (rows < 1 || connections < 1 || phase.isZero() || phase.isNegative()) {
            throw new IllegalArgumentException("rows >= 1, connections >= 1 and a positive phase needed");
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", password);
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
            try {
                return run(rows, connections, phase, progress);
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key order bench: " + e.getMessage(), e);
        }
    }

    private Result run(long rows, int connections, Duration phase, PrintStream progress) throws SQLException {
        String randomSize;
        String timeSize;
        String sharedBuffers;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : List.of("random_keyed", "time_keyed")) {
                s.execute("CREATE TABLE " + table + " (id uuid PRIMARY KEY, payment_id uuid NOT NULL,"
                        + " kind text NOT NULL, amount bigint NOT NULL, booked_at timestamptz NOT NULL)");
            }
            progress.printf(Locale.ROOT, "  filling two tables with %,d rows each...%n", rows);
            s.execute("INSERT INTO random_keyed SELECT gen_random_uuid(), gen_random_uuid(), 'CAPTURE', 2000, now()"
                    + " FROM generate_series(1, " + rows + ")");
            // version 7 ids of the past hour and before, 20 to a millisecond, in random order within it
            s.execute("INSERT INTO time_keyed SELECT (lpad(to_hex((extract(epoch FROM now()) * 1000)::bigint"
                    + " - 3600000 - (" + rows + " - g) / 20), 12, '0') || '7' || substr(md5(random()::text), 1, 3)"
                    + " || '8' || substr(md5(random()::text), 1, 15))::uuid, gen_random_uuid(), 'CAPTURE', 2000,"
                    + " now() FROM generate_series(1, " + rows + ") g");
            s.execute("VACUUM ANALYZE random_keyed");
            s.execute("VACUUM ANALYZE time_keyed");
            randomSize = text(s, "SELECT pg_size_pretty(pg_relation_size('random_keyed_pkey'))");
            timeSize = text(s, "SELECT pg_size_pretty(pg_relation_size('time_keyed_pkey'))");
            sharedBuffers = text(s, "SHOW shared_buffers");
        }
        List<Phase> phases = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            phases.add(phase("random (v4)", "random_keyed", UUID::randomUUID, connections, phase));
            phases.add(phase("time-ordered (v7)", "time_keyed", TimeOrderedIds::next, connections, phase));
        }
        return new Result(rows, connections, phase, randomSize, timeSize, sharedBuffers, phases);
    }

    private Phase phase(String keys, String table, Supplier<UUID> ids, int connections, Duration length)
            throws SQLException {
        long[] before;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            before = counters(s);
        }
        AtomicLong inserted = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                        + " (id, payment_id, kind, amount, booked_at) VALUES (?, ?, 'CAPTURE', 2000, ?)")) {
                    while (running.get()) {
                        insert.setObject(1, ids.get());
                        insert.setObject(2, ids.get());
                        insert.setTimestamp(3, Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "key-order");
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            Thread.sleep(length.toMillis());
            running.set(false);
            for (Thread t : workers) {
                t.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("an insert failed: " + failure.get(), failure.get());
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long[] after = counters(s);
            return new Phase(keys, inserted.get(), seconds, after[0] - before[0], after[1] - before[1],
                    after[2] - before[2], after[3] - before[3]);
        }
    }

    /** The table {@code ./chatpay bench --key-order} prints. */
    public static String table(Result r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "key order: %,d rows per table before the inserts (primary key %s with random ids, %s in time order;"
                        + " shared_buffers %s), %d connections, %d s a phase, one insert per transaction%n"
                        + "  %-18s %10s %12s %12s %12s %12s%n", r.rows(), r.randomIndexSize(), r.timeIndexSize(),
                r.sharedBuffers(), r.connections(), r.phase().toSeconds(), "keys", "inserts/s", "WAL bytes",
                "full pages", "blocks read", "blocks hit"));
        for (Phase p : r.phases()) {
            b.append(String.format(Locale.ROOT, "  %-18s %10.0f %12.0f %12.3f %12.2f %12.1f%n", p.keys(),
                    p.perSecond(), p.per(p.walBytes()), p.per(p.fullPages()), p.per(p.blocksRead()),
                    p.per(p.blocksHit())));
        }
        b.append("  (per insert; WAL is the whole server's, blocks are the scratch database's)\n");
        return b.toString();
    }

    private static long[] counters(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT w.wal_bytes, w.wal_fpi, d.blks_read, d.blks_hit"
                + " FROM pg_stat_wal w, pg_stat_database d WHERE d.datname = current_database()")) {
            rs.next();
            return new long[] {rs.getBigDecimal(1).longValue(), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(scratchUrl, "postgres", password);
    }
}
