package com.chatpay.harness.bench;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackConfig;
import com.chatpay.stack.StackException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./chatpay bench [options]}: runs the {@link Bench} against the stack {@code ./chatpay up} started. Exit
 * code 0 when the reported run had no error and the invariants hold, 1 otherwise, 2 for a wrong command line or a
 * stack that is not up.
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Path project = Path.of(System.getProperty("chatpay.project.dir", ".")).toAbsolutePath().normalize();
        int at = rest.indexOf("--project-dir");
        if (at >= 0 && at + 1 < rest.size()) {
            project = Path.of(rest.get(at + 1)).toAbsolutePath().normalize();
            rest.remove(at + 1);
            rest.remove(at);
        }
        if (rest.remove("--key-order")) {
            return keyOrder(project, rest);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(rest.toArray(String[]::new));
        } catch (BenchOptions.HelpRequested help) {
            System.out.print(BenchOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            return wrongCommandLine(e);
        }
        LocalStack stack = attach(project);
        if (stack == null) {
            return 2;
        }
        ChatpayApi api = new ChatpayApi(stack);
        Bench.Verdict verdict = new Bench(stack, api, Bench.defaultPopulationFile(stack), System.out).run(options);
        return verdict.ok() ? 0 : 1;
    }

    /** {@code --key-order [--rows N] [--connections N] [--duration D]}: the {@link KeyOrderBench}. */
    private static int keyOrder(Path project, List<String> args) {
        long rows = 5_000_000;
        int connections = 8;
        Duration phase = Duration.ofSeconds(30);
        try {
            for (int i = 0; i < args.size(); i += 2) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(i + 1);
                switch (name) {
                    case "--rows" -> rows = BenchOptions.parseInt(name, value);
                    case "--connections" -> connections = BenchOptions.parseInt(name, value);
                    case "--duration" -> phase = BenchOptions.parseDuration(name, value);
                    default -> throw new IllegalArgumentException("unknown option " + name + " for --key-order");
                }
            }
        } catch (IllegalArgumentException e) {
            return wrongCommandLine(e);
        }
        LocalStack stack = attach(project);
        if (stack == null) {
            return 2;
        }
        KeyOrderBench.Result result = new KeyOrderBench(stack.postgresPort(), stack.keys().superuserPassword())
                .measure(rows, connections, phase, System.out);
        System.out.print(KeyOrderBench.table(result));
        return 0;
    }

    private static int wrongCommandLine(IllegalArgumentException e) {
        System.err.println("ERROR: " + e.getMessage());
        System.err.print(BenchOptions.USAGE);
        return 2;
    }

    /** The stack {@code ./chatpay up} started, or null (with the message printed) when none is running. */
    private static LocalStack attach(Path project) {
        try {
            return LocalStack.attach(StackConfig.forProject(project), ProgressListener.silent());
        } catch (StackException notUp) {
            System.err.println("ERROR: the chatpay stack is not running: run ./chatpay up first");
            return null;
        }
    }
}
