package com.chatpay.harness.bench;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.invariants.InvariantChecker;
import com.chatpay.harness.load.LoadPlan;
import com.chatpay.harness.load.LoadResult;
import com.chatpay.harness.load.OutcomeWatcher;
import com.chatpay.harness.load.PaymentLoad;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The benchmark of the whole suite behind {@code ./chatpay bench}: people onboarded (or reused), a warm-up at the
 * target rate, then measured open-loop runs of payments — each a PIN authorization, {@code POST /v1/payments} and
 * the outcome event read from Kafka — with each process's CPU and memory sampled meanwhile; optionally the search of
 * the highest sustainable rate; the PostgreSQL ceiling at the same concurrency; and at the end the invariant checker,
 * because a fast run that broke a money rule is worth nothing.
 */
public final class Bench {

    /** Amounts of bench payments: 1–5 EUR, so that 1,000 people stay far below their 30-day limits run after run. */
    static final long MIN_CENTS = 100;
    static final long MAX_CENTS = 500;
    private static final double FIND_MAX_UPPER = 4000;
    private static final double FIND_MAX_RESOLUTION = 20;
    private static final int FIND_MAX_STEPS = 10;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(15);
    private static final int WARM_JIT_SHARE_PERCENT = 10;
    static final String LOAD_GENERATOR = "bench (load generator)";

    /** Everything a bench run found. {@code search} and {@code ceiling} may be null. */
    public record Verdict(RunReport headline, MaxRateSearch.Outcome<RunReport> search, PostgresCeiling.Result ceiling,
            InvariantChecker.Report invariants) {

        /** No error in the reported run and no invariant violated. */
        public boolean ok() {
            return headline.load().errorCount() == 0 && invariants.violations().isEmpty();
        }
    }

    private final LocalStack stack;
    private final ChatpayApi api;
    private final Path populationFile;
    private final PrintStream out;
    private final InvariantChecker invariants;
    private final List<String> accepted = new ArrayList<>();

    public Bench(LocalStack stack, ChatpayApi api, Path populationFile, PrintStream out) {
        this(stack, api, populationFile, out, new InvariantChecker(api, null));
    }

    /** {@code invariants}: the checker to run at the end (a suite passes its own, with its webhook receiver). */
    public Bench(LocalStack stack, ChatpayApi api, Path populationFile, PrintStream out, InvariantChecker invariants) {
        this.stack = stack;
        this.api = api;
        this.populationFile = populationFile;
        this.out = out;
        this.invariants = invariants;
    }

    /** Where {@code ./chatpay bench} keeps its people: {@code <stack base>/bench/population.json}. */
    public static Path defaultPopulationFile(LocalStack stack) {
        return stack.config().baseDir().resolve("bench").resolve("population.json");
    }

    public Verdict run(BenchOptions o) {
        out.printf(Locale.ROOT, "chatpay bench: %d people, %s%n", o.users(), o.findMax()
                ? String.format(Locale.ROOT, "find-max from %.0f/s (steps of %ds), confirmed for %ds", o.rate(),
                        o.stepDuration().toSeconds(), o.duration().toSeconds())
                : String.format(Locale.ROOT, "%.1f payments/s for %ds", o.rate(), o.duration().toSeconds()));
        out.println(machine());
        out.println(serviceJvms(serviceArguments()));
        List<Person> people = people(o);
        try (OutcomeWatcher watcher = new OutcomeWatcher(stack.kafkaBootstrapServers())) {
            if (!o.warmup().isZero()) {
                warmUp(people, o, watcher);
            }
            MaxRateSearch.Outcome<RunReport> search = null;
            RunReport headline;
            if (o.findMax()) {
                // the resolution scales down with a low first rate, so that a failing first step is still bisected
                double resolution = Math.min(FIND_MAX_RESOLUTION, Math.max(0.5, o.rate() / 8));
                search = new MaxRateSearch(o.rate(), Math.max(FIND_MAX_UPPER, o.rate()), resolution, FIND_MAX_STEPS)
                        .search(rate -> {
                            RunReport step = measure(String.format(Locale.ROOT, "step %.0f/s", rate), people, rate,
                                    o.stepDuration(), watcher);
                            out.printf(Locale.ROOT,
                                    "  step %7.1f/s: e2e p99 %s ms, %.2f %% over 1 s, %d errors -> %s%n",
                                    rate, p99(step.load()), 100 * step.load().shareOver(Duration.ofSeconds(1)),
                                    step.load().errorCount(), step.keptPromise() ? "pass" : "FAIL");
                            settle();
                            return new MaxRateSearch.Step<>(rate, step.keptPromise(), step);
                        });
                out.print(BenchTable.steps(search.steps(), search.maxRate()));
                double confirm = search.maxRate() > 0 ? search.maxRate() : o.rate();
                headline = measure(String.format(Locale.ROOT, "confirmation: %.1f payments/s for %ds", confirm,
                        o.duration().toSeconds()), people, confirm, o.duration(), watcher);
                if (!headline.keptPromise() && search.maxRate() > 0) {
                    out.print(BenchTable.run(headline));
                    out.println("the confirmation run missed the target; confirming again at 90 % of that rate");
                    settle();
                    confirm = MaxRateSearch.roundRate(confirm * 0.9);
                    headline = measure(String.format(Locale.ROOT, "confirmation: %.1f payments/s for %ds", confirm,
                            o.duration().toSeconds()), people, confirm, o.duration(), watcher);
                }
            } else {
                headline = measure(String.format(Locale.ROOT, "measured: %.1f payments/s for %ds", o.rate(),
                        o.duration().toSeconds()), people, o.rate(), o.duration(), watcher);
            }
            out.println();
            out.print(BenchTable.run(headline));
            PostgresCeiling.Result ceiling = null;
            if (!o.ceilingDuration().isZero()) {
                settle();
                int concurrency = (int) Math.max(1, Math.min(64, Math.round(headline.usage().meanInFlight())));
                ceiling = new PostgresCeiling(stack.jdbcUrl(ChatpayService.PAYMENT), ChatpayService.PAYMENT
                        .databaseName(), stack.databasePassword(ChatpayService.PAYMENT))
                        .measure(concurrency, o.users(), Duration.ofSeconds(o.smoke() ? 1 : 2), o.ceilingDuration());
                out.println();
                out.print(BenchTable.ceiling(ceiling, headline.load().achievedPerSecond(),
                        o.findMax() ? "max sustained" : "achieved"));
            }
            out.println();
            out.println("invariants: waiting for the suite to settle, then checking every payment...");
            InvariantChecker.Report report = invariants.awaitAndCheck(accepted, SETTLE_TIMEOUT);
            out.printf(Locale.ROOT, "  %d payments in the stack %s, settled in %.1f s%n", report.payments(),
                    report.paymentsByStatus(), report.timeToConverge().toMillis() / 1000.0);
            if (report.violations().isEmpty()) {
                out.println("  invariants hold: no violation");
            } else {
                out.printf(Locale.ROOT, "  %d VIOLATIONS (first 20):%n", report.violations().size());
                report.violations().stream().limit(20).forEach(v -> out.println("    " + v));
            }
            Verdict verdict = new Verdict(headline, search, ceiling, report);
            out.println(verdict.ok() ? "bench: OK"
                    : "bench: FAILED (errors in the reported run or invariant violations)");
            return verdict;
        }
    }

    /**
     * Runs the load in rounds until the JVMs are warm: HotSpot compiles the code the load runs for minutes after a
     * start, and while its compiler threads take a large share of two cores every figure measures the compiler as much
     * as chatpay. The rounds run at {@link BenchOptions#warmUpRate()} (the first rate, at most 40/s) until the JIT used
     * less than {@value #WARM_JIT_SHARE_PERCENT} % of the stack's CPU in a round, then, if the run's rate is higher,
     * at that rate until the JIT settles again ({@link #nextWarmUpRate}), or until {@code --warmup} has passed (then
     * says so).
     */
    private void warmUp(List<Person> people, BenchOptions o, OutcomeWatcher watcher) {
        Duration round = o.warmup().compareTo(WARM_UP_ROUND) < 0 ? o.warmup() : WARM_UP_ROUND;
        long deadline = System.nanoTime() + o.warmup().toNanos();
        double rate = o.warmUpRate();
        for (int i = 1; ; i++) {
            RunReport warm = measure("warm-up", people, rate, round, watcher);
            double jit = jitSharePercent(warm.usage());
            out.printf(Locale.ROOT, "warm-up %d: %d payments at %.1f/s, e2e p50 %s ms, %d errors, JIT %.0f %% of the"
                            + " stack's CPU%n", i, warm.load().offered(), warm.load().offeredPerSecond(),
                    BenchTable.millis(warm.load().endToEnd().getValueAtPercentile(50)), warm.load().errorCount(), jit);
            settle();
            OptionalDouble next = nextWarmUpRate(rate, o.rate(), jit);
            if (next.isEmpty()) {
                return;
            }
            rate = next.getAsDouble();
            if (System.nanoTime() + round.toNanos() > deadline) {
                out.printf(Locale.ROOT, "  (still compiling after the %ds warm-up: the figures below include JIT"
                        + " work; see the \"of it JIT\" column)%n", o.warmup().toSeconds());
                return;
            }
        }
    }

    /**
     * The rate of the next warm-up round after one at {@code rate} whose JIT share was {@code jitPercent}, or empty
     * when the JVMs are warm for a run at {@code runRate}. Cold JVMs warm up at the capped rate first; once the JIT
     * settles there, a higher run rate gets rounds of its own, since it makes more code hot (from 40/s straight to
     * 100/s, the measured minute had the JIT back at 8 % and 32 % over 1 s).
     */
    static OptionalDouble nextWarmUpRate(double rate, double runRate, double jitPercent) {
        if (jitPercent >= WARM_JIT_SHARE_PERCENT) {
            return OptionalDouble.of(rate);
        }
        return rate < runRate ? OptionalDouble.of(runRate) : OptionalDouble.empty();
    }

    /** The JIT compiler threads' share of the stack's CPU in a run, in %; the load generator's own JVM excluded. */
    static double jitSharePercent(ProcessSampler.Figures usage) {
        double cpu = 0;
        double jit = 0;
        for (ProcessSampler.Usage u : usage.components()) {
            if (!u.name().equals(LOAD_GENERATOR)) {
                cpu += u.cpuPercentOfCore();
                jit += u.jitPercentOfCore();
            }
        }
        return cpu <= 0 ? 0 : 100 * jit / cpu;
    }

    private List<Person> people(BenchOptions o) {
        // what the run may spend per person, with margin for a random draw of payers: 3x the mean + one payment
        double planned = o.rate() * (o.warmup().toSeconds() + o.duration().toSeconds()) * (o.findMax() ? 12 : 1);
        long perPerson = (long) (3 * planned * (MIN_CENTS + MAX_CENTS) / 2 / o.users()) + MAX_CENTS;
        out.println("people:");
        BenchPopulation.People p = new BenchPopulation(api, populationFile, out).obtain(o.users(), perPerson);
        out.printf(Locale.ROOT, "  %d people: %d reused, %d newly onboarded (file %s)%n", p.people().size(),
                p.reused(), p.onboarded(), populationFile);
        return p.people();
    }

    private RunReport measure(String label, List<Person> people, double rate, Duration duration,
            OutcomeWatcher watcher) {
        LoadPlan plan = LoadPlan.of(rate, duration).withAmounts(MIN_CENTS, MAX_CENTS);
        PaymentLoad load = new PaymentLoad(api, people, plan, watcher);
        double before = loadAverage();
        LoadResult result;
        ProcessSampler.Figures usage;
        try (ProcessSampler sampler = ProcessSampler.start(components(), load::inFlight)) {
            result = load.run();
            usage = sampler.stop();
        }
        result.accepted().forEach(a -> accepted.add(a.paymentId()));
        return new RunReport(label, result, usage, before, loadAverage());
    }

    /** The stack's processes in a fixed order, then this JVM (the load generator shares the machine's cores). */
    private List<ProcessSampler.Component> components() {
        Map<String, ProcessHandle> live = stack.processes();
        List<ProcessSampler.Component> components = new ArrayList<>();
        List<String> order = new ArrayList<>(List.of(LocalStack.POSTGRES, LocalStack.KAFKA));
        for (ChatpayService s : ChatpayService.values()) {
            order.add(s.moduleName());
        }
        for (String name : order) {
            ProcessHandle p = live.get(name);
            if (p != null) {
                components.add(new ProcessSampler.Component(name, p, LocalStack.POSTGRES.equals(name)));
            }
        }
        components.add(new ProcessSampler.Component(LOAD_GENERATOR, ProcessHandle.current(), false));
        return components;
    }

    /**
     * Waits until the previous run's work has drained (no payment PENDING, every outbox published, no delivery
     * pending), so that a step does not pay for its predecessor's backlog.
     */
    private void settle() {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long backlog = count(ChatpayService.PAYMENT, "SELECT count(*) FROM payment WHERE status = 'PENDING'")
                    + count(ChatpayService.NOTIFICATION, "SELECT count(*) FROM delivery WHERE status = 'PENDING'");
            for (ChatpayService s : ChatpayService.values()) {
                backlog += count(s, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
            }
            if (backlog == 0) {
                return;
            }
            sleep(500);
        }
        out.println("  (the stack did not drain its backlog within " + SETTLE_TIMEOUT.toSeconds() + " s)");
    }

    private long count(ChatpayService service, String sql) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                stack.databasePassword(service));
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(service.databaseName() + ": " + e.getMessage(), e);
        }
    }

    private static String p99(LoadResult l) {
        return l.endToEnd().getTotalCount() == 0 ? "-" : BenchTable.millis(l.endToEnd().getValueAtPercentile(99));
    }

    /** The 1-minute load average of the machine. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the model stays unknown
        }
        return String.format(Locale.ROOT, "machine: %d cores (%s), %d MB memory, load average %.2f, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, totalMemoryMb(), loadAverage(),
                System.getProperty("java.version"));
    }

    /** Each running service's command-line arguments, in the services' order (empty when the OS does not say). */
    private Map<String, List<String>> serviceArguments() {
        Map<String, ProcessHandle> live = stack.processes();
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        for (ChatpayService s : ChatpayService.values()) {
            ProcessHandle p = live.get(s.moduleName());
            if (p != null) {
                arguments.put(s.moduleName(), p.info().arguments().map(List::of).orElse(List.of()));
            }
        }
        return arguments;
    }

    /**
     * The JVM options the services run with (their arguments before {@code -jar}), so that a run's figures say which
     * options they were measured with ({@code CHATPAY_JAVA_OPTS} adds to the defaults): one line when every service
     * has the same, else one part per service.
     */
    static String serviceJvms(Map<String, List<String>> argumentsByService) {
        Map<String, String> options = new LinkedHashMap<>();
        argumentsByService.forEach((service, arguments) -> {
            int jar = arguments.indexOf("-jar");
            List<String> jvm = jar < 0 ? arguments : arguments.subList(0, jar);
            options.put(service, jvm.isEmpty() ? "unknown" : String.join(" ", jvm));
        });
        if (options.isEmpty()) {
            return "service JVMs: none running";
        }
        if (options.values().stream().distinct().count() == 1) {
            return "service JVMs: " + options.values().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        options.forEach((service, jvm) -> parts.add(service + ": " + jvm));
        return "service JVMs: " + String.join("; ", parts);
    }

    private static long totalMemoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
