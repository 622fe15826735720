package com.chatpay.harness.bench;

import com.chatpay.harness.load.LoadResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The bench's printed tables, as plain text with fixed columns so that they paste into an issue or the README as
 * they are. Pure formatting: every figure comes in, nothing is measured here.
 */
public final class BenchTable {

    static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private BenchTable() {
    }

    /** The table of one run: rates, latencies, share over 1 s, errors, and each process's CPU and memory. */
    public static String run(RunReport r) {
        LoadResult l = r.load();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s  (load average %.2f before, %.2f after)%n", r.label(), r.loadBefore(),
                r.loadAfter()));
        s.append(String.format(Locale.ROOT,
                "  payments/s       offered %.1f   achieved %.1f   (%d offered, %d accepted)%n",
                l.offeredPerSecond(), l.achievedPerSecond(), l.offered(), l.accepted().size()));
        s.append("  outcomes         ").append(counts(l.outcomes())).append('\n');
        s.append(String.format(Locale.ROOT, "  latency (ms)  %9s %9s %9s %9s %9s %9s%n", "p50", "p90", "p99", "p99.9",
                "max", "count"));
        s.append(latencyRow("accept", l.accept()));
        s.append(latencyRow("end to end", l.endToEnd()));
        s.append(String.format(Locale.ROOT, "  over 1 s end to end  %.2f %%%n",
                100 * l.shareOver(Duration.ofSeconds(1))));
        s.append("  errors           ").append(l.errors().isEmpty() ? "none" : counts(l.errors())).append('\n');
        s.append(usage(r.usage(), l.achievedPerSecond()));
        return s.toString();
    }

    /**
     * Each process's CPU (% of one core, averaged over the run), the CPU time it spent per payment (its share of the
     * budget: 2 cores at 500 payments/s leave 4 ms per payment for everything) and its peak resident memory.
     */
    public static String usage(ProcessSampler.Figures f, double paymentsPerSecond) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "  %-22s %14s %14s %10s %14s %10s%n", "process", "CPU % of core",
                "CPU ms/payment", "of it JIT", "peak RSS MB", "processes"));
        double total = 0;
        double jit = 0;
        for (ProcessSampler.Usage u : f.components()) {
            s.append(String.format(Locale.ROOT, "  %-22s %14.1f %14s %10s %14.0f %10d%n", u.name(),
                    u.cpuPercentOfCore(), perPayment(u.cpuPercentOfCore(), paymentsPerSecond),
                    share(u.jitPercentOfCore(), u.cpuPercentOfCore()), u.peakRssKb() / 1024.0, u.processes()));
            total += u.cpuPercentOfCore();
            jit += u.jitPercentOfCore();
        }
        s.append(String.format(Locale.ROOT,
                "  %-22s %14.1f %14s %10s   (machine busy %.0f %% of all cores; mean in flight %.1f)%n", "sum",
                total, perPayment(total, paymentsPerSecond), share(jit, total), f.machineBusyPercent(),
                f.meanInFlight()));
        return s.toString();
    }

    /** {@code part} as a percentage of {@code whole}, e.g. "12 %"; "-" when the whole is nothing. */
    static String share(double part, double whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * part / whole);
    }

    /** CPU milliseconds per payment from a % of one core and a rate. */
    static String perPayment(double cpuPercentOfCore, double paymentsPerSecond) {
        if (paymentsPerSecond <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", cpuPercentOfCore * 10 / paymentsPerSecond);
    }

    /** One line per latency histogram: percentiles and max in milliseconds. */
    static String latencyRow(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "    %-11s %9s %9s %9s %9s %9s %9d%n", name, "-", "-", "-", "-", "-", 0);
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "    %-11s", name));
        for (double p : PERCENTILES) {
            s.append(String.format(Locale.ROOT, " %9s", millis(h.getValueAtPercentile(p))));
        }
        s.append(String.format(Locale.ROOT, " %9s %9d%n", millis(h.getMaxValue()), h.getTotalCount()));
        return s.toString();
    }

    /** Microseconds as milliseconds: one decimal below 100 ms, whole above. */
    static String millis(long micros) {
        double ms = micros / 1000.0;
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return s.toString();
    }

    /** The steps of {@code --find-max}, one line each. */
    public static String steps(List<MaxRateSearch.Step<RunReport>> steps, double maxRate) {
        StringBuilder s = new StringBuilder("find-max steps\n");
        s.append(String.format(Locale.ROOT, "  %10s %10s %10s %10s %10s %8s %8s  %s%n", "offered/s", "achieved/s",
                "e2e p50", "e2e p99", "over 1 s", "errors", "load", "verdict"));
        for (MaxRateSearch.Step<RunReport> step : steps) {
            LoadResult l = step.detail().load();
            Histogram e2e = l.endToEnd();
            s.append(String.format(Locale.ROOT, "  %10.1f %10.1f %10s %10s %9.2f%% %8d %8.2f  %s%n",
                    l.offeredPerSecond(), l.achievedPerSecond(),
                    e2e.getTotalCount() == 0 ? "-" : millis(e2e.getValueAtPercentile(50)),
                    e2e.getTotalCount() == 0 ? "-" : millis(e2e.getValueAtPercentile(99)),
                    100 * l.shareOver(Duration.ofSeconds(1)), l.errorCount(), step.detail().loadAfter(),
                    step.passed() ? "pass" : "FAIL"));
        }
        s.append(String.format(Locale.ROOT, "  highest passing rate: %.1f payments/s%n", maxRate));
        return s.toString();
    }

    /** The PostgreSQL ceiling and chatpay's rate as a fraction of it. */
    public static String ceiling(PostgresCeiling.Result c, double chatpayRate, String rateName) {
        Histogram h = c.latencyMicros();
        return String.format(Locale.ROOT, "PostgreSQL ceiling (lock + update the payer's usage row, insert the payment;"
                        + " one transaction)%n  %d connections: %.0f tx/s (%d in %.1f s), tx p50 %s ms, p99 %s ms%n"
                        + "  chatpay %s %.1f payments/s = %.1f %% of the ceiling%n",
                c.concurrency(), c.perSecond(), c.transactions(), c.seconds(),
                h.getTotalCount() == 0 ? "-" : millis(h.getValueAtPercentile(50)),
                h.getTotalCount() == 0 ? "-" : millis(h.getValueAtPercentile(99)), rateName, chatpayRate,
                c.perSecond() <= 0 ? 0 : 100 * chatpayRate / c.perSecond());
    }
}
