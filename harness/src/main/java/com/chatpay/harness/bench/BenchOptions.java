package com.chatpay.harness.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code ./chatpay bench}: what load to offer and for how long. Parsed by hand (no CLI library)
 * so that the bench jar stays small; a wrong option fails with a message naming it, never with a default silently
 * taken instead.
 *
 * @param users           people paying each other (reused from an earlier run when still ACTIVE)
 * @param rate            payments per second offered (the first rate of {@code --find-max})
 * @param duration        how long the measured run lasts (also the confirmation run of {@code --find-max})
 * @param warmup          the longest unreported warm-up: rounds at {@link #warmUpRate()}, then at the run's rate,
 *                        until the JVMs' JIT compilers have settled (zero: none)
 * @param findMax         search the highest rate with at most 1 % over 1 s and no error
 * @param stepDuration    how long each step of the search lasts
 * @param ceilingDuration how long the PostgreSQL ceiling is measured (zero: skipped)
 * @param smoke           a few seconds at a low rate, to check that nothing fails
 */
public record BenchOptions(int users, double rate, Duration duration, Duration warmup, boolean findMax,
        Duration stepDuration, Duration ceilingDuration, boolean smoke) {

    public static final String USAGE = """
            Usage: ./chatpay bench [options]

              --users N         people paying each other (default 1000; reused from an earlier run on this stack
                                when each is still ACTIVE with room in its limits, else onboarded)
              --rate R          payments per second offered, open loop (default 100)
              --duration D      measured run, e.g. 60s, 2m (default 60s)
              --warmup D        unreported warm-up in rounds of 15 s: at the first rate (at most 40/s) until the
                                JVMs' JIT compilers use < 10 % of the stack's CPU, then at the run's rate until
                                they do again; for at most D (default 6m; 0 for none)
              --find-max        search the highest rate with <= 1 % over 1 s end to end and no error
                                (doubling from --rate, then bisecting, steps of --step), then confirm it
                                for --duration
              --step D          length of each --find-max step (default 15s)
              --ceiling D       how long to measure the PostgreSQL ceiling (default 10s; 0 to skip)
              --smoke           a few seconds at 10/s with 20 people: checks that nothing fails
              -h, --help        this text

            ./chatpay bench --key-order [--rows N] [--connections N] [--duration D]
                                what random against time-ordered primary keys cost PostgreSQL once the index
                                outgrows its cache: two scratch tables of N rows (default 5000000), then N
                                connections (default 8) inserting a row per transaction for D (default 30s)
                                into each, twice; inserts/s, WAL, full-page images and blocks read per insert

            Exit code 0 when the run had no error and the invariant checker found no violation.
            """;

    /**
     * The fastest warm-up: a stack just started runs interpreted code while six JVMs compile on two cores, and a
     * warm-up at 100/s queued a backlog of tens of seconds that kept the compilers starved for the whole of it (the
     * measured minute then still 22 % JIT, 93 % over 1 s, where the warm stack holds 100/s with none).
     */
    static final double WARM_UP_RATE_LIMIT = 40;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    public BenchOptions {
        if (users < 2) {
            throw new IllegalArgumentException("--users must be at least 2");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be a positive number");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (stepDuration.isZero() || stepDuration.isNegative()) {
            throw new IllegalArgumentException("--step must be positive");
        }
        if (warmup.isNegative() || ceilingDuration.isNegative()) {
            throw new IllegalArgumentException("--warmup and --ceiling cannot be negative");
        }
    }

    /** The rate the warm-up starts at: the run's first rate, at most {@value #WARM_UP_RATE_LIMIT}/s. */
    public double warmUpRate() {
        return Math.min(rate, WARM_UP_RATE_LIMIT);
    }

    /** The defaults of {@code ./chatpay bench} without options. */
    public static BenchOptions defaults() {
        return new BenchOptions(1000, 100, Duration.ofSeconds(60), Duration.ofMinutes(6), false,
                Duration.ofSeconds(15), Duration.ofSeconds(10), false);
    }

    /** The defaults of {@code --smoke}: what an explicit option does not override. */
    public static BenchOptions smokeDefaults() {
        return new BenchOptions(20, 10, Duration.ofSeconds(5), Duration.ofSeconds(2), false, Duration.ofSeconds(5),
                Duration.ofSeconds(2), true);
    }

    /** Thrown for {@code --help}: not an error, the caller prints {@link #USAGE}. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /**
     * Parses the arguments; {@code --smoke} changes the defaults of the options not given.
     *
     * @throws IllegalArgumentException naming the offending option
     * @throws HelpRequested            for {@code -h}/{@code --help}
     */
    public static BenchOptions parse(String... args) {
        Integer users = null;
        Double rate = null;
        Duration duration = null;
        Duration warmup = null;
        Duration step = null;
        Duration ceiling = null;
        boolean findMax = false;
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> throw new HelpRequested();
                case "--find-max" -> findMax = true;
                case "--smoke" -> smoke = true;
                case "--users", "--rate", "--duration", "--warmup", "--step", "--ceiling" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--users" -> users = parseInt(name, value);
                        case "--rate" -> rate = parseRate(value);
                        case "--duration" -> duration = parseDuration(name, value);
                        case "--warmup" -> warmup = parseDuration(name, value);
                        case "--step" -> step = parseDuration(name, value);
                        default -> ceiling = parseDuration(name, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        BenchOptions base = smoke ? smokeDefaults() : defaults();
        return new BenchOptions(users != null ? users : base.users, rate != null ? rate : base.rate,
                duration != null ? duration : base.duration, warmup != null ? warmup : base.warmup, findMax,
                step != null ? step : base.stepDuration, ceiling != null ? ceiling : base.ceilingDuration, smoke);
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, {@code 1h}, or a plain number of seconds; {@code 0} is zero. */
    public static Duration parseDuration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " wants a duration such as 60s, 2m or 500ms, not '" + text
                    + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    static int parseInt(String option, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a whole number, not '" + text + "'");
        }
    }

    private static double parseRate(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate wants a number of payments per second, not '" + text + "'");
        }
    }
}
