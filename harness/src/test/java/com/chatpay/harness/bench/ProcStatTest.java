package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** A real line of a Java process (pid 4242), utime 1234 and stime 567. */
    private static final String STAT = "4242 (java) S 1 4242 4242 0 -1 1077936384 61262 0 3 0 1234 567 0 0 20 0 37 0"
            + " 5380 3713085440 91312 18446744073709551615 94355 94356 140729 0 0 0 0 0 16800975 0 0 0 17 1 0 0 0 0 0";

    @Test
    void shouldSumUtimeAndStimeWhenReadingAStatLine() {
        assertThat(ProcStat.cpuTicks(STAT)).isEqualTo(1234 + 567);
    }

    @Test
    void shouldFindTheFieldsWhenTheCommandNameHoldsSpacesAndParentheses() {
        String tricky = STAT.replace("(java)", "(postgres: payment (idle) ) x)");
        assertThat(ProcStat.cpuTicks(tricky)).isEqualTo(1234 + 567);
    }

    @Test
    void shouldRefuseATextThatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.cpuTicks("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.cpuTicks("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadVmRssInKilobytesWhenPresent() {
        String status = "Name:\tjava\nState:\tS (sleeping)\nVmPeak:\t 3713084 kB\nVmRSS:\t  365248 kB\n"
                + "RssAnon:\t 300 kB\n";
        assertThat(ProcStat.rssKb(status)).isEqualTo(OptionalLong.of(365248));
    }

    @Test
    void shouldReportNoRssWhenTheProcessIsAZombie() {
        assertThat(ProcStat.rssKb("Name:\tjava\nState:\tZ (zombie)\n")).isEmpty();
    }

    @Test
    void shouldSplitBusyFromTotalWhenReadingProcStat() {
        String procStat = "cpu  100 5 50 800 20 1 2 3 0 0\ncpu0 50 2 25 400 10 0 1 1 0 0\n";
        long[] ticks = ProcStat.machineTicks(procStat);
        assertThat(ticks[1]).isEqualTo(100 + 5 + 50 + 800 + 20 + 1 + 2 + 3);
        assertThat(ticks[0]).isEqualTo(ticks[1] - 800 - 20);
    }

    @Test
    void shouldReadThisJvmsOwnFiguresWhenOnLinux() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcStat.readCpuTicks(pid)).isPresent();
        assertThat(ProcStat.readRssKb(pid).orElse(0)).isGreaterThan(10_000);
        assertThat(ProcStat.readCpuTicks(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcStat.readJitTicks(Long.MAX_VALUE)).isZero();
    }

    @Test
    void shouldTellJitCompilerThreadsFromOthersByTheirName() {
        assertThat(ProcStat.commandName("4711 (C2 CompilerThre) S 1 2 3")).isEqualTo("C2 CompilerThre");
        assertThat(ProcStat.isJitThread("C2 CompilerThre")).isTrue();
        assertThat(ProcStat.isJitThread("C1 CompilerThre\n")).isTrue();
        assertThat(ProcStat.isJitThread("vert.x-eventloo")).isFalse();
        assertThat(ProcStat.isJitThread("VM Thread")).isFalse();
    }
}
