package com.chatpay.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reliability suite's table: one row per fault or input class — attempts, payments in flight when the fault
 * struck, payments recovered, invariant violations (must be 0) and time to converge. Printed after each test class
 * (the last print is the whole run) and written to {@code reliability/target/reliability-report.md}.
 */
public final class ReliabilityReport {

    /** One line of the table. {@code inFlight}, {@code recovered} and {@code converge} may be null (not a fault). */
    public record Row(String what, long attempts, Integer inFlight, String recovered, int violations,
            Duration converge) {

        /** A row for an input or abuse class: no fault, so nothing in flight, recovered or converging. */
        public static Row input(String what, long attempts, int violations) {
            return new Row(what, attempts, null, null, violations, null);
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private ReliabilityReport() {
    }

    public static synchronized void add(Row row) {
        ROWS.add(row);
    }

    /** The table in Markdown. */
    public static synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| fault or input class | attempts | in flight at fault | recovered | invariant violations"
                + " | time to converge |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : ROWS) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %s |%n", r.what(), r.attempts(),
                    r.inFlight() == null ? "–" : r.inFlight().toString(), r.recovered() == null ? "–" : r.recovered(),
                    r.violations(), r.converge() == null ? "–"
                            : String.format(Locale.ROOT, "%.1f s", r.converge().toMillis() / 1000.0)));
        }
        return out.toString();
    }

    /** Prints the table so far and writes it next to the build output. */
    public static synchronized void print() {
        String table = table();
        System.out.println();
        System.out.println("Reliability report");
        System.out.println(table);
        Path file = com.chatpay.harness.FreshStack.projectDir().resolve("reliability").resolve("target")
                .resolve("reliability-report.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
