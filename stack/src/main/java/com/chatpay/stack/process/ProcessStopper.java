package com.chatpay.stack.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes the polite way first: SIGTERM, a grace period, then SIGKILL (also of any child left behind). */
public final class ProcessStopper {

    private ProcessStopper() {
    }

    /** How a process ended. */
    public enum Outcome {
        /** It exited within the grace period after SIGTERM. */
        TERMINATED,
        /** It had to be killed (SIGKILL). */
        KILLED,
        /** It was not running any more. */
        NOT_RUNNING
    }

    /** Sends SIGTERM to every process at once, waits up to {@code grace} overall, then kills the rest. */
    public static List<Outcome> stopAll(List<ProcessHandle> processes, Duration grace) {
        List<List<ProcessHandle>> children = new ArrayList<>();
        for (ProcessHandle process : processes) {
            children.add(process.descendants().toList());
            process.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            ProcessHandle process = processes.get(i);
            Outcome outcome;
            if (!process.isAlive()) {
                outcome = Outcome.TERMINATED;
            } else if (awaitExit(process, Math.max(0, deadline - System.nanoTime()))) {
                outcome = Outcome.TERMINATED;
            } else {
                process.destroyForcibly();
                awaitExit(process, TimeUnit.SECONDS.toNanos(10));
                outcome = Outcome.KILLED;
            }
            for (ProcessHandle child : children.get(i)) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Stops one process; see {@link #stopAll}. */
    public static Outcome stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return Outcome.NOT_RUNNING;
        }
        return stopAll(List.of(process), grace).get(0);
    }

    /** Waits until the process has exited; false on timeout. */
    public static boolean awaitExit(ProcessHandle process, long timeoutNanos) {
        try {
            process.onExit().get(timeoutNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
