package com.chatpay.stack;

import com.chatpay.stack.keys.DevKeys;
import com.chatpay.stack.keys.DevTokens;
import com.chatpay.stack.process.LogTail;
import com.chatpay.stack.service.ChatpayService;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line behind {@code ./chatpay}: {@code up}, {@code down}, {@code status}, {@code logs} and
 * {@code token}. Run as {@code java -cp 'stack/target/chatpay-stack.jar:stack/target/lib/*'
 * com.chatpay.stack.StackCli [--project-dir DIR] <command>}.
 *
 * <p>Exit codes: 0 success; 1 failure; 2 usage error; 3 the stack is not running ({@code status},
 * {@code is-running}).
 */
public final class StackCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;

    /**
     * Given by {@code ./chatpay up} when the sources are newer than the last build: a stack already running then
     * runs an older build than the checkout, which {@code up} must say rather than "nothing changed" alone.
     */
    static final String SOURCES_CHANGED = "--sources-changed";

    private static final List<String> INFRASTRUCTURE_LOGS = List.of(LocalStack.POSTGRES, LocalStack.KAFKA);

    private final PrintStream out;
    private final PrintStream err;

    StackCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new StackCli(System.out, System.err).run(args));
    }

    int run(String[] arguments) {
        Deque<String> args = new ArrayDeque<>(List.of(arguments));
        Path projectDir = Path.of("").toAbsolutePath();
        while (!args.isEmpty() && args.peekFirst().startsWith("--project-dir")) {
            String option = args.removeFirst();
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : args.pollFirst();
            if (value == null) {
                return usage("--project-dir needs a directory");
            }
            projectDir = Path.of(value).toAbsolutePath().normalize();
        }
        String command = args.isEmpty() ? "help" : args.removeFirst();
        try {
            StackConfig config = StackConfig.forProject(projectDir);
            return switch (command) {
                case "up" -> up(config, args.remove(SOURCES_CHANGED));
                case "down" -> down(config);
                case "status" -> status(config);
                case "is-running" -> LocalStack.isRunning(config) ? OK : NOT_RUNNING;
                case "logs" -> logs(config, new ArrayList<>(args));
                case "token" -> token(config, new ArrayList<>(args));
                case "help", "-h", "--help" -> {
                    printUsage(out);
                    yield OK;
                }
                default -> usage("Unknown command: " + command);
            };
        } catch (StackException | IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            return FAILED;
        }
    }

    private int up(StackConfig config, boolean sourcesChanged) {
        ProgressListener progress = ProgressListener.console(out);
        long start = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(config, progress);
        } catch (StackAlreadyRunningException e) {
            out.println("The chatpay stack is already running (" + config.baseDir() + "); nothing changed.");
            if (sourcesChanged) {
                out.println("The sources changed since the build it runs (an edit, a checkout): it does not run them."
                        + " To run them: `./chatpay down && ./chatpay up`.");
            }
            List<String> down = LocalStack.status(config).components().stream()
                    .filter(c -> c.state() == StackStatus.State.DOWN)
                    .map(StackStatus.Component::name)
                    .toList();
            if (down.isEmpty()) {
                out.println("See `./chatpay status`, or `./chatpay down` to stop it.");
            } else {
                out.println("But these components have stopped: " + String.join(", ", down)
                        + ". Restart the stack with `./chatpay down && ./chatpay up`.");
            }
            return OK;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println();
        out.println(String.format(Locale.ROOT, "chatpay is up (%.1f s).", seconds));
        for (ChatpayService service : config.services()) {
            String url = stack.serviceUri(service).toString();
            out.println(String.format(Locale.ROOT, "  %-21s %-24s OpenAPI %s/q/openapi", service.moduleName(), url,
                    url));
        }
        out.println(String.format(Locale.ROOT, "  %-21s %s", "Kafka bootstrap", stack.kafkaBootstrapServers()));
        out.println(String.format(Locale.ROOT, "  %-21s 127.0.0.1:%d  databases %s, role = database, passwords in %s",
                "PostgreSQL", stack.postgresPort(), databaseNames(), stack.keys().secretsFile()));
        out.println(String.format(Locale.ROOT, "  %-21s %s  (./chatpay logs <component> [-f])", "Logs",
                config.paths().logsDir()));
        out.println(String.format(Locale.ROOT, "  %-21s ./chatpay token alice   (--ops for an operator)", "Token"));
        out.println(String.format(Locale.ROOT, "  %-21s ./chatpay status | ./chatpay down", "Manage"));
        return OK;
    }

    private int down(StackConfig config) {
        boolean stopped = LocalStack.stop(config, ProgressListener.console(out));
        out.println(stopped ? "The chatpay stack is stopped." : "The chatpay stack was not running.");
        return OK;
    }

    private int status(StackConfig config) {
        StackStatus status = LocalStack.status(config);
        if (!status.running()) {
            out.println("The chatpay stack is not running (" + config.baseDir() + ").");
            if (!status.components().isEmpty()) {
                out.println("Its last run ended without `./chatpay down`: none of its " + status.components().size()
                        + " processes is alive any more. `./chatpay up` starts it again.");
            }
            return NOT_RUNNING;
        }
        out.println("chatpay stack of " + status.baseDir() + ", started " + status.startedAt());
        out.println(String.format(Locale.ROOT, "  %-21s %-8s %-6s %s", "COMPONENT", "PID", "PORT", "STATE"));
        for (StackStatus.Component component : status.components()) {
            out.println(String.format(Locale.ROOT, "  %-21s %-8d %-6d %s", component.name(), component.pid(),
                    component.port(), component.state()));
        }
        return status.allUp() ? OK : FAILED;
    }

    private int logs(StackConfig config, List<String> args) {
        boolean follow = args.remove("-f") || args.remove("--follow");
        int lines = -1;
        int n = args.indexOf("-n");
        if (n >= 0) {
            if (n + 1 >= args.size()) {
                return usage("-n needs a number of lines");
            }
            try {
                lines = Integer.parseInt(args.get(n + 1));
            } catch (NumberFormatException e) {
                return usage("-n needs a number of lines, not " + args.get(n + 1));
            }
            args.remove(n + 1);
            args.remove(n);
        }
        if (args.size() > 1) {
            return usage("logs takes at most one component");
        }
        StackPaths paths = config.paths();
        if (args.isEmpty()) {
            if (follow) {
                return usage("logs -f needs a component");
            }
            List<String> components = new ArrayList<>(INFRASTRUCTURE_LOGS);
            for (ChatpayService service : ChatpayService.values()) {
                components.add(service.moduleName());
            }
            boolean any = false;
            for (String component : components) {
                Path file = paths.logFile(component);
                if (Files.isRegularFile(file)) {
                    out.println("==> " + file + " <==");
                    LogTail.lastLines(file, lines < 0 ? 20 : lines).forEach(out::println);
                    out.println();
                    any = true;
                }
            }
            if (!any) {
                out.println("No logs yet in " + paths.logsDir() + ".");
            }
            return OK;
        }
        Optional<String> component = logComponent(args.get(0));
        if (component.isEmpty()) {
            return usage("Unknown component '" + args.get(0) + "': one of postgres, kafka, onboarding, payment, "
                    + "limits, notification");
        }
        Path file = paths.logFile(component.get());
        if (!Files.isRegularFile(file) && !follow) {
            out.println("No log yet: " + file);
            return OK;
        }
        LogTail.lastLines(file, lines < 0 ? 100 : lines).forEach(out::println);
        if (follow) {
            try {
                LogTail.follow(file, out, Duration.ofMillis(250), () -> true);
            } catch (IOException e) {
                throw new StackException("Could not follow " + file + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return OK;
    }

    private int token(StackConfig config, List<String> args) {
        boolean ops = args.remove("--ops");
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return usage("token needs exactly one user id, e.g. `./chatpay token alice [--ops]`");
        }
        DevKeys keys = DevKeys.loadOrCreate(config.paths().keysDir());
        if (!keys.generated().isEmpty()) {
            err.println("Generated dev keys in " + keys.dir() + "; services started from now on accept these tokens.");
        }
        out.println(DevTokens.mint(keys.loadGatewayPrivateKey(), args.get(0), ops, Instant.now()));
        return OK;
    }

    private static Optional<String> logComponent(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (INFRASTRUCTURE_LOGS.contains(lower)) {
            return Optional.of(lower);
        }
        return ChatpayService.byName(lower).map(ChatpayService::moduleName);
    }

    private static String databaseNames() {
        List<String> names = new ArrayList<>();
        for (ChatpayService service : ChatpayService.values()) {
            names.add(service.databaseName());
        }
        return String.join(", ", names);
    }

    private int usage(String problem) {
        err.println("ERROR: " + problem + " (see ./chatpay help)");
        return USAGE;
    }

    /** The commands of this CLI; {@code ./chatpay help} documents them for developers, with {@code test}. */
    static void printUsage(PrintStream stream) {
        stream.println("""
                Usage: StackCli [--project-dir DIR] <command>
                  up | down | status | is-running | logs [component] [-n N] [-f] | token <userId> [--ops]
                See ./chatpay help.""");
    }
}
