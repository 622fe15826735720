package com.chatpay.harness.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Samples, while a run lasts, the CPU and memory of each component of the stack: CPU as the % of one core each used
 * over the run (utime + stime deltas of every process of the component, a process started during the run counted
 * from zero), memory as the peak of the summed resident sizes seen in any sample. PostgreSQL is the postmaster with
 * all its backends (note: summed VmRSS counts the shared buffers once per backend that touched them, so it
 * overstates PostgreSQL's real footprint). Also samples how many payments were in flight, for the mean concurrency.
 */
public final class ProcessSampler implements AutoCloseable {

    /** One component to watch: its root process, and whether its children belong to it. */
    public record Component(String name, ProcessHandle root, boolean withDescendants) {
    }

    /**
     * What a component used over the run; {@code jitPercentOfCore} is the part of its CPU its JIT compiler threads
     * used (a JVM still compiling is not warmed up; 0 for PostgreSQL).
     */
    public record Usage(String name, double cpuPercentOfCore, double jitPercentOfCore, long peakRssKb,
            int processes) {
    }

    /** What the run used: per component, the whole machine (% of all cores) and the mean in-flight count. */
    public record Figures(List<Usage> components, double machineBusyPercent, double meanInFlight, double seconds) {
    }

    private final List<Component> components;
    private final IntSupplier inFlight;
    private final ScheduledExecutorService timer;
    private final Map<String, Map<Long, long[]>> ticks = new HashMap<>(); // component → pid → {first, last}
    private final Map<String, Long> peakRss = new HashMap<>();
    private final Map<String, Integer> processCount = new HashMap<>();
    private final Map<String, Long> jitAtStart = new HashMap<>();
    private long inFlightSum;
    private long inFlightSamples;
    private long[] machineStart;
    private long startNanos;

    private ProcessSampler(List<Component> components, IntSupplier inFlight) {
        this.components = List.copyOf(components);
        this.inFlight = inFlight;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sampling every 250 ms; {@code inFlight} may be null. */
    public static ProcessSampler start(List<Component> components, IntSupplier inFlight) {
        ProcessSampler sampler = new ProcessSampler(components, inFlight == null ? () -> 0 : inFlight);
        sampler.begin();
        return sampler;
    }

    private synchronized void begin() {
        startNanos = System.nanoTime();
        machineStart = ProcStat.readMachineTicks();
        for (Component c : components) {
            jitAtStart.put(c.name(), jitTicks(c));
        }
        sample(true);
        timer.scheduleAtFixedRate(() -> sample(false), 250, 250, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample(boolean first) {
        for (Component c : components) {
            Map<Long, long[]> byPid = ticks.computeIfAbsent(c.name(), n -> new HashMap<>());
            long rss = 0;
            int count = 0;
            for (ProcessHandle p : processesOf(c)) {
                OptionalLong cpu = ProcStat.readCpuTicks(p.pid());
                if (cpu.isEmpty()) {
                    continue;
                }
                count++;
                long now = cpu.getAsLong();
                // a process seen at the first sample counts from then; one born later from zero
                byPid.computeIfAbsent(p.pid(), pid -> new long[] {first ? now : 0, now})[1] = now;
                rss += ProcStat.readRssKb(p.pid()).orElse(0);
            }
            peakRss.merge(c.name(), rss, Math::max);
            processCount.merge(c.name(), count, Math::max);
        }
        if (!first) {
            inFlightSum += inFlight.getAsInt();
            inFlightSamples++;
        }
    }

    /** The JIT threads' ticks of a component's root process (JVMs are one process each). */
    private static long jitTicks(Component c) {
        return c.withDescendants() || !c.root().isAlive() ? 0 : ProcStat.readJitTicks(c.root().pid());
    }

    private static List<ProcessHandle> processesOf(Component c) {
        List<ProcessHandle> all = new ArrayList<>();
        if (c.root().isAlive()) {
            all.add(c.root());
        }
        if (c.withDescendants()) {
            c.root().descendants().forEach(all::add);
        }
        return all;
    }

    /** Stops sampling (taking a last sample) and returns what the run used. */
    public synchronized Figures stop() {
        timer.shutdownNow();
        sample(false);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machineEnd = ProcStat.readMachineTicks();
        long busy = machineEnd[0] - machineStart[0];
        long total = machineEnd[1] - machineStart[1];
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (Component c : components) {
            long used = 0;
            for (long[] t : ticks.getOrDefault(c.name(), Map.of()).values()) {
                used += t[1] - t[0];
            }
            double cpu = seconds <= 0 ? 0 : 100.0 * used / ProcStat.TICKS_PER_SECOND / seconds;
            long jit = Math.max(0, jitTicks(c) - jitAtStart.getOrDefault(c.name(), 0L));
            double jitCpu = seconds <= 0 ? 0 : 100.0 * jit / ProcStat.TICKS_PER_SECOND / seconds;
            usage.put(c.name(), new Usage(c.name(), cpu, jitCpu, peakRss.getOrDefault(c.name(), 0L),
                    processCount.getOrDefault(c.name(), 0)));
        }
        return new Figures(List.copyOf(usage.values()), total <= 0 ? 0 : 100.0 * busy / total,
                inFlightSamples == 0 ? 0 : (double) inFlightSum / inFlightSamples, seconds);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
