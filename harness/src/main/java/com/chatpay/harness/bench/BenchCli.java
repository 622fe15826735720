package com.chatpay.harness.bench;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackConfig;
import com.chatpay.stack.StackException;
import java.nio.file.Path;
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
        BenchOptions options;
        try {
            options = BenchOptions.parse(rest.toArray(String[]::new));
        } catch (BenchOptions.HelpRequested help) {
            System.out.print(BenchOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return 2;
        }
        LocalStack stack;
        try {
            stack = LocalStack.attach(StackConfig.forProject(project), ProgressListener.silent());
        } catch (StackException notUp) {
            System.err.println("ERROR: the chatpay stack is not running: run ./chatpay up first");
            return 2;
        }
        ChatpayApi api = new ChatpayApi(stack);
        Bench.Verdict verdict = new Bench(stack, api, Bench.defaultPopulationFile(stack), System.out).run(options);
        return verdict.ok() ? 0 : 1;
    }
}
