package com.chatpay.stack;

import com.chatpay.stack.kafka.KafkaBroker;
import com.chatpay.stack.kafka.KafkaTopics;
import com.chatpay.stack.keys.DevKeys;
import com.chatpay.stack.keys.DevTokens;
import com.chatpay.stack.postgres.DatabaseAccount;
import com.chatpay.stack.postgres.PostgresBinaries;
import com.chatpay.stack.postgres.PostgresServer;
import com.chatpay.stack.process.LogTail;
import com.chatpay.stack.process.ProcessRecord;
import com.chatpay.stack.process.ProcessStopper;
import com.chatpay.stack.process.StackLock;
import com.chatpay.stack.process.StackState;
import com.chatpay.stack.process.StackStateStore;
import com.chatpay.stack.service.ChatpayService;
import com.chatpay.stack.service.ServiceEnvironment;
import com.chatpay.stack.service.ServiceProcess;
import com.chatpay.stack.service.ServiceReadiness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The local stack: a real PostgreSQL 15, a real Kafka broker (KRaft) and the four services, each its own process,
 * started detached so that they outlive the JVM that started them. This is what {@code ./chatpay up} runs, and what
 * end-to-end tests start, on their own ports and base directory:
 *
 * <pre>{@code
 * StackConfig config = StackConfig.builder(projectDir).baseDir(tempDir).randomFreePorts().stopOnJvmExit(true).build();
 * try (LocalStack stack = LocalStack.start(config, ProgressListener.console(System.out))) {
 *     URI payment = stack.serviceUri(ChatpayService.PAYMENT);
 *     String token = stack.token("alice", false);
 * }
 * }</pre>
 *
 * Every started process is recorded in {@code <base>/run/stack.json}; {@link #stop(StackConfig, ProgressListener)}
 * stops them (services, then Kafka, then PostgreSQL) from that record, from any JVM.
 */
public final class LocalStack implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(30);

    private final StackConfig config;
    private final StackPaths paths;
    private final ProgressListener progress;
    private final StackStateStore store;
    private StackState state;
    private DevKeys keys;
    private boolean aborted;
    private boolean stopped;
    private boolean attached;
    private Thread exitHook;

    private LocalStack(StackConfig config, ProgressListener progress) {
        this.config = config;
        this.paths = config.paths();
        this.progress = progress;
        this.store = new StackStateStore(paths.stateFile());
        this.state = new StackState(Instant.now().toString(), null, List.of());
    }

    /**
     * Starts PostgreSQL, Kafka and the configured services, and waits until each is ready. On any failure whatever
     * was started is stopped again before the exception is thrown.
     *
     * @throws StackAlreadyRunningException if processes of this stack still run
     * @throws StackException               with a message fit for the terminal if anything fails
     */
    public static LocalStack start(StackConfig config, ProgressListener progress) {
        StackPaths paths = config.paths();
        createDirectories(paths.baseDir(), paths.logsDir(), paths.runDir());
        try (StackLock ignored = StackLock.acquire(paths.lockFile())) {
            StackStateStore store = new StackStateStore(paths.stateFile());
            Optional<StackState> previous = store.read();
            if (previous.isPresent() && previous.get().anyAlive()) {
                throw new StackAlreadyRunningException(config.baseDir());
            }
            if (previous.isPresent()) {
                progress.step("Clearing the record of a previous run whose processes are gone");
                store.delete();
            }
            progress.step("Starting the chatpay stack in " + config.baseDir());
            StackStopper.stopUnrecordedPostgres(paths, config.postgresBinariesDir(), progress);
            StackPreflight.check(config);
            LocalStack stack = new LocalStack(config, progress);
            stack.startAll();
            return stack;
        }
    }

    /**
     * Stops every process recorded for this stack (services, then Kafka, then PostgreSQL) and forgets them.
     *
     * @return whether anything was running
     */
    public static boolean stop(StackConfig config, ProgressListener progress) {
        StackPaths paths = config.paths();
        if (!Files.isDirectory(paths.runDir())) {
            return false;
        }
        try (StackLock ignored = StackLock.acquire(paths.lockFile())) {
            StackStateStore store = new StackStateStore(paths.stateFile());
            StackState recorded = store.read().orElse(new StackState(null, null, List.of()));
            boolean stoppedAny = StackStopper.stopAll(paths, config.postgresBinariesDir(), recorded, progress);
            store.delete();
            return stoppedAny;
        }
    }

    /**
     * The stack {@code ./chatpay up} started and that still runs, to drive it from another JVM (the bench): its
     * URLs, tokens, databases and processes. It does not own the processes: {@link #stop()} is refused.
     *
     * @throws StackException if the stack is not running
     */
    public static LocalStack attach(StackConfig config, ProgressListener progress) {
        StackState running = new StackStateStore(config.paths().stateFile()).read()
                .filter(StackState::anyAlive)
                .orElseThrow(() -> new StackException("The chatpay stack is not running in " + config.baseDir()
                        + "; start it with ./chatpay up"));
        LocalStack stack = new LocalStack(config, progress);
        stack.state = running;
        stack.keys = DevKeys.loadOrCreate(config.paths().keysDir());
        stack.attached = true;
        return stack;
    }

    /** Whether any process of this stack runs. */
    public static boolean isRunning(StackConfig config) {
        return new StackStateStore(config.paths().stateFile()).read().map(StackState::anyAlive).orElse(false);
    }

    /** Each recorded component with its pid, port and current health. */
    public static StackStatus status(StackConfig config) {
        return StackProbe.status(config.baseDir(), new StackStateStore(config.paths().stateFile()).read());
    }

    public StackConfig config() {
        return config;
    }

    /** The dev keys the services were started with (key files, secrets, database passwords). */
    public DevKeys keys() {
        return keys;
    }

    public Path keysDir() {
        return keys.dir();
    }

    public int postgresPort() {
        return config.postgresPort();
    }

    /** The JDBC URL of a service's database; its user is {@link ChatpayService#databaseName()}. */
    public String jdbcUrl(ChatpayService service) {
        return PostgresServer.jdbcUrl(config.postgresPort(), service.databaseName());
    }

    public String databasePassword(ChatpayService service) {
        return keys.databasePassword(service.databaseName());
    }

    public String kafkaBootstrapServers() {
        return config.kafkaBootstrapServers();
    }

    /** {@code http://127.0.0.1:<port>} of a service. */
    public URI serviceUri(ChatpayService service) {
        return URI.create("http://127.0.0.1:" + config.servicePort(service));
    }

    public Path logFile(ChatpayService service) {
        return paths.logFile(service.moduleName());
    }

    /** A gateway JWT for {@code userId} (group {@code ops} if {@code ops}, else {@code user}), valid 12 hours. */
    public String token(String userId, boolean ops) {
        return DevTokens.mint(keys.loadGatewayPrivateKey(), userId, ops, Instant.now());
    }

    /**
     * Stops one service: SIGTERM then SIGKILL after the grace period, or SIGKILL at once if {@code kill} (to test
     * crash recovery).
     */
    public synchronized void stopService(ChatpayService service, boolean kill) {
        stopRecorded(service.moduleName(), kill, StackStopper.SERVICE_STOP_GRACE);
    }

    /** Starts a service (again) and waits until it is ready. */
    public synchronized void startService(ChatpayService service) {
        startService(service, Map.of());
    }

    /**
     * Starts a service (again) with some settings changed for this run only (environment variables on top of the
     * stack's, e.g. a card-network failure rate), and waits until it is ready.
     */
    public synchronized void startService(ChatpayService service, Map<String, String> overrides) {
        requireNotStopped();
        if (state.find(service.moduleName()).flatMap(ProcessRecord::liveProcess).isPresent()) {
            throw new StackException(service.moduleName() + " is already running");
        }
        Ports.requireFree(Map.of(service.moduleName(), config.servicePort(service)));
        Map<ChatpayService, Process> launched = new EnumMap<>(ChatpayService.class);
        launched.put(service, launchService(service, overrides));
        ServiceReadiness.await(launched, config::servicePort, this::logFile, config.readinessTimeout(), progress);
    }

    /** Stops the Kafka broker: SIGTERM then SIGKILL after the grace period, or SIGKILL at once if {@code kill}. */
    public synchronized void stopKafka(boolean kill) {
        stopRecorded(KAFKA, kill, StackStopper.KAFKA_STOP_GRACE);
    }

    /** Starts the Kafka broker (again) on its port and data, and waits until it is ready. */
    public synchronized void startKafka() {
        requireNotStopped();
        if (state.find(KAFKA).flatMap(ProcessRecord::liveProcess).isPresent()) {
            throw new StackException("Kafka is already running");
        }
        startKafkaBroker();
    }

    /**
     * Restarts PostgreSQL on its data: {@code crash} stops it as a crash would ({@code -m immediate}: every
     * connection cut, WAL recovery on start), otherwise a fast shutdown. Waits until it accepts connections again.
     */
    public synchronized void restartPostgres(boolean crash) {
        requireNotStopped();
        String home = state.postgresBinaries();
        if (home == null) {
            throw new StackException("PostgreSQL was not started by this stack");
        }
        PostgresServer postgres = new PostgresServer(Path.of(home), paths.postgresDataDir(), paths.logFile(POSTGRES),
                config.postgresPort());
        progress.step((crash ? "Crashing" : "Stopping") + " PostgreSQL");
        postgres.stop(crash);
        progress.step("Starting PostgreSQL on 127.0.0.1:" + config.postgresPort());
        ProcessHandle postmaster = postgres.start();
        record(ProcessRecord.of(POSTGRES, ProcessRecord.Kind.POSTGRES, postmaster, config.postgresPort()), postmaster);
    }

    /** The live process of each running component (postgres, kafka, the services' module names), by name. */
    public synchronized Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> live = new java.util.LinkedHashMap<>();
        for (ProcessRecord record : state.processes()) {
            record.liveProcess().ifPresent(p -> live.put(record.name(), p));
        }
        return live;
    }

    /** Stops everything this stack started. Idempotent. */
    public synchronized void stop() {
        if (attached) {
            throw new IllegalStateException("An attached stack is stopped with ./chatpay down");
        }
        if (stopped) {
            return;
        }
        stopped = true;
        try (StackLock ignored = StackLock.acquire(paths.lockFile())) {
            StackStopper.stopAll(paths, config.postgresBinariesDir(), state, progress);
            store.delete();
        }
        removeShutdownHook(exitHook);
    }

    @Override
    public void close() {
        stop();
    }

    private void startAll() {
        Thread abortHook = new Thread(this::abort, "chatpay-stack-abort");
        Runtime.getRuntime().addShutdownHook(abortHook);
        try {
            rotateLogs();
            keys = DevKeys.loadOrCreate(paths.keysDir());
            progress.step(keys.generated().isEmpty()
                    ? "Using the dev keys in " + keys.dir()
                    : "Generated dev keys in " + keys.dir() + " (" + keys.generated().size() + " keys and passwords)");
            startPostgres();
            startKafkaBroker();
            startServices();
        } catch (RuntimeException e) {
            boolean rollBack;
            synchronized (this) {
                rollBack = !stopped;
                stopped = true;
                aborted = true;
            }
            if (rollBack) {
                progress.step("Start failed; stopping what was started");
                StackStopper.stopAll(paths, config.postgresBinariesDir(), state, progress);
                store.delete();
            }
            throw e;
        } finally {
            removeShutdownHook(abortHook);
        }
        if (config.stopOnJvmExit()) {
            exitHook = new Thread(this::stop, "chatpay-stack-stop");
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
    }

    /** Each component's log of the previous run is kept as {@code <name>.log.1}; this run starts fresh ones. */
    private void rotateLogs() {
        List<String> components = new ArrayList<>(List.of(POSTGRES, KAFKA));
        for (ChatpayService service : ChatpayService.values()) {
            components.add(service.moduleName());
        }
        for (String component : components) {
            try {
                LogTail.rotate(paths.logFile(component));
            } catch (IOException e) {
                throw new StackException("Could not rotate " + paths.logFile(component) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Shutdown hook while starting: the JVM is going away (Ctrl-C), so nothing must be left running. */
    private void abort() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            aborted = true;
            stopped = true;
        }
        progress.step("Interrupted; stopping what was started");
        StackStopper.stopAll(paths, config.postgresBinariesDir(), state, progress);
        store.delete();
    }

    private void startPostgres() {
        Path home = PostgresBinaries.ensureExtracted(config.postgresBinariesDir(), progress);
        PostgresServer postgres = new PostgresServer(home, paths.postgresDataDir(), paths.logFile(POSTGRES),
                config.postgresPort());
        if (!postgres.isInitialized()) {
            progress.step("Creating the PostgreSQL cluster in " + paths.postgresDataDir());
            postgres.initialize(keys.superuserPassword());
        }
        progress.step("Starting PostgreSQL on 127.0.0.1:" + config.postgresPort());
        synchronized (this) {
            state = state.withPostgresBinaries(home.toString());
        }
        ProcessHandle postmaster = postgres.start();
        record(ProcessRecord.of(POSTGRES, ProcessRecord.Kind.POSTGRES, postmaster, config.postgresPort()), postmaster);
        List<DatabaseAccount> accounts = new ArrayList<>();
        for (ChatpayService service : ChatpayService.values()) {
            accounts.add(new DatabaseAccount(service.databaseName(), keys.databasePassword(service.databaseName())));
        }
        String version = postgres.provision(keys.superuserPassword(), accounts);
        progress.step("PostgreSQL " + version + " ready on 127.0.0.1:" + config.postgresPort() + " (databases "
                + accounts.stream().map(DatabaseAccount::database).collect(Collectors.joining(", ")) + ")");
    }

    private void startKafkaBroker() {
        KafkaBroker broker = new KafkaBroker(paths.kafkaDir(), paths.logFile(KAFKA), config.kafkaPort(),
                config.kafkaControllerPort(), config.kafkaClasspath());
        broker.configure();
        if (!broker.isFormatted()) {
            progress.step("Formatting the Kafka KRaft storage in " + broker.dataDir());
            broker.format();
        }
        progress.step("Starting Kafka (KRaft, broker and controller) on " + broker.bootstrapServers());
        ProcessHandle process = broker.start().toHandle();
        record(ProcessRecord.of(KAFKA, ProcessRecord.Kind.KAFKA, process, config.kafkaPort()), process);
        broker.awaitReady(process, KAFKA_READY_TIMEOUT, progress);
        List<String> created = broker.createTopics(TOPICS_TIMEOUT);
        int total = KafkaTopics.required().size();
        progress.step("Kafka ready on " + broker.bootstrapServers() + " (" + total + " topics, "
                + (created.isEmpty() ? "all existed" : created.size() + " created") + ")");
    }

    private void startServices() {
        if (config.services().isEmpty()) {
            return;
        }
        Map<ChatpayService, Process> launched = new EnumMap<>(ChatpayService.class);
        for (ChatpayService service : config.services()) {
            launched.put(service, launchService(service, Map.of()));
        }
        progress.step("Started " + names(launched.keySet()) + "; waiting for /q/health/ready (up to "
                + config.readinessTimeout().toSeconds() + " s)");
        ServiceReadiness.await(launched, config::servicePort, this::logFile, config.readinessTimeout(), progress);
    }

    private Process launchService(ChatpayService service, Map<String, String> overrides) {
        Map<String, String> environment = new java.util.TreeMap<>(ServiceEnvironment.of(service,
                config.servicePort(service), config.postgresPort(), config.kafkaBootstrapServers(), keys));
        environment.putAll(config.extraEnvironment(service));
        environment.putAll(overrides);
        Process process = ServiceProcess.launch(service, config.projectDir(), environment, paths.runDir(),
                paths.logFile(service.moduleName()));
        record(ProcessRecord.of(service.moduleName(), ProcessRecord.Kind.SERVICE, process.toHandle(),
                config.servicePort(service)), process.toHandle());
        return process;
    }

    /** Records a started process; if the start was aborted meanwhile, stops it at once instead. */
    private void record(ProcessRecord record, ProcessHandle process) {
        synchronized (this) {
            if (!aborted) {
                state = state.with(record);
                store.write(state);
                return;
            }
        }
        process.destroyForcibly();
        throw new StackException("Start aborted");
    }

    private void stopRecorded(String name, boolean kill, Duration grace) {
        requireNotStopped();
        Optional<ProcessHandle> process = state.find(name).flatMap(ProcessRecord::liveProcess);
        if (process.isPresent()) {
            progress.step((kill ? "Killing " : "Stopping ") + name + " (pid " + process.get().pid() + ")");
            if (kill) {
                process.get().destroyForcibly();
                ProcessStopper.awaitExit(process.get(), TimeUnit.SECONDS.toNanos(10));
            } else {
                ProcessStopper.stop(process.get(), grace);
            }
        }
    }

    private void requireNotStopped() {
        if (stopped) {
            throw new IllegalStateException("This stack has been stopped");
        }
    }

    private static String names(Iterable<ChatpayService> services) {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.moduleName()));
        return String.join(", ", names);
    }

    private static void createDirectories(Path... dirs) {
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StackException("Could not create " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs or has run
        }
    }
}
