package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.load.LoadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    private static RunReport report() {
        Histogram accept = new Histogram(600_000_000L, 3);
        Histogram e2e = new Histogram(600_000_000L, 3);
        List<LoadResult.AcceptedPayment> accepted = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            accept.recordValue(i * 10L);          // 0.01 .. 10 ms
            e2e.recordValue(i == 1000 ? 2_000_000 : i * 50L); // one payment at 2 s
            accepted.add(new LoadResult.AcceptedPayment("p" + i, "a", "b", 100, 1));
        }
        LoadResult load = new LoadResult(1001, accepted, Map.of("PaymentCompleted", 1000L),
                Map.of("authorize 503 SERVICE_UNAVAILABLE", 1L), accept, e2e, Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        ProcessSampler.Figures usage = new ProcessSampler.Figures(List.of(
                new ProcessSampler.Usage("postgres", 35.25, 0, 400 * 1024, 23),
                new ProcessSampler.Usage("payment-service", 50, 10, 300 * 1024, 1)), 80, 7.5, 10);
        return new RunReport("measured: 100/s", load, usage, 0.5, 1.25);
    }

    @Test
    void shouldPrintRatesLatenciesShareOverOneSecondAndErrorsWhenFormattingARun() {
        String table = BenchTable.run(report());
        assertThat(table).contains("measured: 100/s  (load average 0.50 before, 1.25 after)");
        assertThat(table).contains("offered 100.1   achieved 100.0");
        assertThat(table).containsPattern("accept\\s+5\\.0\\s+9\\.0\\s+9\\.9\\s+10\\.0\\s+10\\.0\\s+1000");
        assertThat(table).containsPattern("end to end\\s+25\\.0\\s+45\\.0\\s+49\\.5\\s+50\\.0\\s+200\\d\\s+1000");
        // one payment over 1 s plus one error, of 1001
        assertThat(table).contains("over 1 s end to end  0.20 %");
        assertThat(table).contains("errors           authorize 503 SERVICE_UNAVAILABLE 1");
        assertThat(table).contains("outcomes         PaymentCompleted 1000");
    }

    @Test
    void shouldPrintEachProcessAndTheSumWhenFormattingUsage() {
        String table = BenchTable.usage(report().usage(), 100);
        // 35.25 % of a core at 100 payments/s = 3.525 ms of CPU per payment
        // of payment-service's 50 % of a core, 10 went to its JIT compiler threads: 20 %
        assertThat(table).containsPattern("postgres\\s+35\\.3\\s+3\\.5\\d\\s+0 %\\s+400\\s+23");
        assertThat(table).containsPattern("payment-service\\s+50\\.0\\s+5\\.00\\s+20 %\\s+300\\s+1");
        assertThat(table).containsPattern(
                "sum\\s+85\\.3\\s+8\\.5\\d\\s+12 % .*machine busy 80 % of all cores; mean in flight 7\\.5");
        assertThat(BenchTable.usage(report().usage(), 0)).containsPattern("postgres\\s+35\\.3\\s+-\\s+0 %\\s+400");
    }

    @Test
    void shouldPrintDashesWhenNothingWasMeasured() {
        assertThat(BenchTable.latencyRow("end to end", new Histogram(1000, 3))).containsPattern("end to end\\s+-\\s+-");
    }

    @Test
    void shouldPrintMillisecondsWithOneDecimalBelowAHundredWhenFormattingLatency() {
        assertThat(BenchTable.millis(12_345)).isEqualTo("12.3");
        assertThat(BenchTable.millis(123_456)).isEqualTo("123");
    }

    @Test
    void shouldMarkEachStepAndTheMaximumWhenFormattingASearch() {
        RunReport r = report();
        String table = BenchTable.steps(List.of(new MaxRateSearch.Step<>(100, true, r),
                new MaxRateSearch.Step<>(200, false, r)), 100);
        assertThat(table).containsPattern("100\\.1\\s+100\\.0\\s+25\\.0\\s+49\\.5\\s+0\\.20%\\s+1\\s+1\\.25\\s+pass");
        assertThat(table).contains("FAIL");
        assertThat(table).contains("highest passing rate: 100.0 payments/s");
    }

    @Test
    void shouldPrintChatpaysRateAsAFractionOfTheCeilingWhenFormattingIt() {
        Histogram h = new Histogram(60_000_000L, 3);
        h.recordValue(2000);
        PostgresCeiling.Result ceiling = new PostgresCeiling.Result(8, 20_000, 10, h);
        String text = BenchTable.ceiling(ceiling, 500, "max sustained");
        assertThat(text).contains("8 connections: 2000 tx/s (20000 in 10.0 s)");
        assertThat(text).contains("chatpay max sustained 500.0 payments/s = 25.0 % of the ceiling");
    }

    @Test
    void shouldCountTheStacksJitShareWithoutTheLoadGenerator() {
        ProcessSampler.Figures usage = new ProcessSampler.Figures(List.of(
                new ProcessSampler.Usage("postgres", 50, 0, 1, 1),
                new ProcessSampler.Usage("payment-service", 50, 25, 1, 1),
                new ProcessSampler.Usage(Bench.LOAD_GENERATOR, 100, 100, 1, 1)), 100, 1, 10);
        assertThat(Bench.jitSharePercent(usage)).isEqualTo(25.0);
    }
}
