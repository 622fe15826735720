package com.chatpay.stack;

import com.chatpay.stack.postgres.PostgresBinaries;
import com.chatpay.stack.postgres.PostgresServer;
import com.chatpay.stack.process.ProcessRecord;
import com.chatpay.stack.process.ProcessStopper;
import com.chatpay.stack.process.StackState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Stops a stack's recorded processes in reverse dependency order: services, then Kafka, then PostgreSQL. */
final class StackStopper {

    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POSTGRES_SIGNAL_GRACE = Duration.ofSeconds(30);

    private StackStopper() {
    }

    /**
     * Stops every live process of {@code recorded}, and the PostgreSQL of the stack's data directory.
     *
     * @param binariesDir where to look for {@code pg_ctl} if the record does not say
     * @return whether anything was running
     */
    static boolean stopAll(StackPaths paths, Path binariesDir, StackState recorded, ProgressListener progress) {
        boolean stoppedAny = false;
        List<ProcessRecord> services = new ArrayList<>();
        List<ProcessHandle> serviceProcesses = new ArrayList<>();
        for (ProcessRecord record : recorded.ofKind(ProcessRecord.Kind.SERVICE)) {
            record.liveProcess().ifPresent(process -> {
                services.add(record);
                serviceProcesses.add(process);
            });
        }
        if (!services.isEmpty()) {
            progress.step("Stopping " + services.stream().map(ProcessRecord::name).collect(Collectors.joining(", ")));
            reportForced(services, ProcessStopper.stopAll(serviceProcesses, SERVICE_STOP_GRACE), progress);
            stoppedAny = true;
        }
        for (ProcessRecord record : recorded.ofKind(ProcessRecord.Kind.KAFKA)) {
            Optional<ProcessHandle> kafka = record.liveProcess();
            if (kafka.isPresent()) {
                progress.step("Stopping Kafka (pid " + record.pid() + ")");
                reportForced(List.of(record), List.of(ProcessStopper.stop(kafka.get(), KAFKA_STOP_GRACE)), progress);
                stoppedAny = true;
            }
        }
        stoppedAny |= stopPostgres(paths, binariesDir, recorded, progress);
        return stoppedAny;
    }

    private static boolean stopPostgres(StackPaths paths, Path binariesDir, StackState recorded,
                                        ProgressListener progress) {
        Optional<Path> home = Optional.ofNullable(recorded.postgresBinaries()).map(Path::of)
                .filter(Files::isDirectory)
                .or(() -> PostgresBinaries.findExtracted(binariesDir));
        if (home.isPresent()) {
            PostgresServer postgres = postgresOf(paths, home.get());
            Optional<ProcessHandle> postmaster = postgres.runningPostmaster();
            if (postmaster.isPresent()) {
                progress.step("Stopping PostgreSQL (pid " + postmaster.get().pid() + ", pg_ctl stop -m fast)");
                postgres.stop();
                return true;
            }
        }
        for (ProcessRecord record : recorded.ofKind(ProcessRecord.Kind.POSTGRES)) {
            Optional<ProcessHandle> postmaster = record.liveProcess();
            if (postmaster.isPresent()) {
                progress.step("Stopping PostgreSQL (pid " + record.pid() + ") by signal: its binaries are gone");
                ProcessStopper.stop(postmaster.get(), POSTGRES_SIGNAL_GRACE);
                return true;
            }
        }
        return false;
    }

    /** A PostgreSQL of this base directory that no record knows of (an interrupted run) is stopped before a start. */
    static void stopUnrecordedPostgres(StackPaths paths, Path binariesDir, ProgressListener progress) {
        PostgresBinaries.findExtracted(binariesDir).ifPresent(home -> {
            PostgresServer postgres = postgresOf(paths, home);
            postgres.runningPostmaster().ifPresent(postmaster -> {
                progress.step("Stopping a PostgreSQL (pid " + postmaster.pid()
                        + ") left running by an interrupted run");
                postgres.stop();
            });
        });
    }

    /** The stack's server for {@code pg_ctl stop}, which finds it by data directory (the port does not matter). */
    private static PostgresServer postgresOf(StackPaths paths, Path home) {
        return new PostgresServer(home, paths.postgresDataDir(), paths.logFile(LocalStack.POSTGRES), 0);
    }

    private static void reportForced(List<ProcessRecord> records, List<ProcessStopper.Outcome> outcomes,
                                     ProgressListener progress) {
        for (int i = 0; i < records.size(); i++) {
            if (outcomes.get(i) == ProcessStopper.Outcome.KILLED) {
                progress.step(records.get(i).name() + " did not stop on SIGTERM and was killed");
            }
        }
    }
}
