package com.chatpay.reliability.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.bench.KeyOrderBench;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./chatpay bench --key-order} on the stack's PostgreSQL, small: after a checkpoint, inserts with random ids
 * change leaves all over the index and write each one's full page to the WAL once, those with time-ordered ids the
 * rightmost leaf only.
 */
class KeyOrderBenchTests {

    @Test
    void shouldWriteFewerFullPagesWithTimeOrderedKeysThanRandomOnesAndDropItsScratchDatabase() throws Exception {
        LocalStack stack = ReliabilityStack.get();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        KeyOrderBench.Result result = new KeyOrderBench(stack.postgresPort(), stack.keys().superuserPassword())
                .measure(20_000, 2, Duration.ofSeconds(2), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = KeyOrderBench.table(result);
        System.out.print(table);

        List<KeyOrderBench.Phase> phases = result.phases();
        assertThat(phases).extracting(KeyOrderBench.Phase::keys)
                .containsExactly("random (v4)", "time-ordered (v7)", "random (v4)", "time-ordered (v7)");
        assertThat(phases).allSatisfy(p -> assertThat(p.inserts()).isGreaterThan(200));
        // ~70 leaves of 20,000 random keys each written whole once after the checkpoint, against the rightmost one
        double randomPages = fullPagesPerInsert(phases, "random (v4)");
        double timePages = fullPagesPerInsert(phases, "time-ordered (v7)");
        assertThat(randomPages).isGreaterThan(2 * timePages);
        assertThat(table).contains("inserts/s", "WAL bytes", "full pages", "time-ordered (v7)");

        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.postgresPort()
                + "/postgres", "postgres", stack.keys().superuserPassword()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'bench_key_order'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("scratch database left behind").isZero();
        }
    }

    private static double fullPagesPerInsert(List<KeyOrderBench.Phase> phases, String keys) {
        long pages = phases.stream().filter(p -> p.keys().equals(keys)).mapToLong(KeyOrderBench.Phase::fullPages).sum();
        long inserts = phases.stream().filter(p -> p.keys().equals(keys)).mapToLong(KeyOrderBench.Phase::inserts).sum();
        return (double) pages / inserts;
    }
}
