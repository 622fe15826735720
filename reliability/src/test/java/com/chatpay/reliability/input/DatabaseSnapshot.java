package com.chatpay.reliability.input;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of every table of the four service databases, as a row count and an md5 of all rows (as text, in a
 * stable order) per table: two equal snapshots mean no row was added, changed or removed in between. Read with each
 * service's own database role, over JDBC.
 */
public record DatabaseSnapshot(Map<String, TableState> tables) {

    /** One table: how many rows, and the md5 of their text forms in order. */
    public record TableState(long rows, String md5) {
    }

    /** Snapshots every base table of the {@code public} schema of each service's database. */
    public static DatabaseSnapshot of(LocalStack stack) {
        Map<String, TableState> tables = new TreeMap<>();
        for (ChatpayService service : ChatpayService.values()) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                    stack.databasePassword(service)); Statement st = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String name : names) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, "
                            + "E'\\n' ORDER BY t::text), '')) FROM public.\"" + name + "\" t")) {
                        rs.next();
                        tables.put(service.databaseName() + "." + name, new TableState(rs.getLong(1),
                                rs.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot snapshot the " + service.databaseName() + " database", e);
            }
        }
        return new DatabaseSnapshot(Map.copyOf(tables));
    }

    /**
     * Waits until two snapshots {@code quiet} apart are equal (the asynchronous effects of earlier scenarios have
     * settled: outbox relays, consumers, notification deliveries), at most {@code timeout}; returns the last one.
     */
    public static DatabaseSnapshot settled(LocalStack stack, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DatabaseSnapshot previous = of(stack);
        while (true) {
            sleep(quiet);
            DatabaseSnapshot current = of(stack);
            if (current.equals(previous)) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the databases did not settle within " + timeout + "; still changing: "
                        + current.changedSince(previous, Set.of()));
            }
            previous = current;
        }
    }

    /** The tables (service.table) whose content differs from {@code before}, except those {@code ignored}. */
    public List<String> changedSince(DatabaseSnapshot before, Set<String> ignored) {
        List<String> changed = new ArrayList<>();
        for (String table : union(before.tables.keySet(), tables.keySet())) {
            if (ignored.contains(table)) {
                continue;
            }
            TableState was = before.tables.get(table);
            TableState now = tables.get(table);
            if (!Objects.equals(was, now)) {
                changed.add(table + " (" + (was == null ? "absent" : was.rows() + " rows") + " → "
                        + (now == null ? "absent" : now.rows() + " rows") + ")");
            }
        }
        return changed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
