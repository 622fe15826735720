package com.chatpay.stack.kafka;

import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackException;
import com.chatpay.stack.process.DetachedProcess;
import com.chatpay.stack.process.LogTail;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) as its own JVM
 * ({@code kafka.Kafka server.properties}), listening on 127.0.0.1 only, with automatic topic creation off.
 * Its storage is formatted once ({@code kafka.tools.StorageTool format}) and kept across restarts.
 */
public final class KafkaBroker {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> BROKER_JVM_OPTIONS =
            List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true");
    /** The storage tool runs for a second: start fast rather than optimise. */
    private static final List<String> TOOL_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
    private static final String LOG_CONFIGURATION = String.join("\n",
            "# chatpay local stack: Kafka logs to stdout, which goes to logs/kafka.log",
            "status = warn",
            "appender.stdout.type = Console",
            "appender.stdout.name = STDOUT",
            "appender.stdout.layout.type = PatternLayout",
            "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafkaRequest.name = kafka.request.logger",
            "logger.kafkaRequest.level = warn",
            "logger.stateChange.name = state.change.logger",
            "logger.stateChange.level = warn",
            "logger.apacheKafka.name = org.apache.kafka",
            "logger.apacheKafka.level = info",
            "");

    private final Path dir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final String classpath;

    /**
     * @param dir            configuration files and, under {@code data/}, the KRaft log directory
     * @param logFile        broker log (stdout and stderr of the JVM)
     * @param port           client listener on 127.0.0.1
     * @param controllerPort controller listener on 127.0.0.1
     * @param classpath      {@code -cp} of the broker JVM: kafka_2.13, kafka-tools, log4j and their dependencies
     */
    public KafkaBroker(Path dir, Path logFile, int port, int controllerPort, String classpath) {
        this.dir = dir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    Path log4jConfig() {
        return dir.resolve("log4j2.properties");
    }

    /** Writes {@code server.properties} and the log configuration for the current ports. */
    public void configure() {
        try {
            Files.createDirectories(dataDir());
            Files.writeString(serverProperties(), serverConfiguration(), StandardCharsets.UTF_8);
            Files.writeString(log4jConfig(), LOG_CONFIGURATION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not write the Kafka configuration in " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean isFormatted() {
        return Files.isRegularFile(dataDir().resolve("meta.properties"));
    }

    /** Formats the KRaft storage with a new cluster id (once; an existing storage is kept). */
    public void format() {
        List<String> command = javaCommand(TOOL_JVM_OPTIONS, "kafka.tools.StorageTool");
        command.addAll(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties().toString(), "--ignore-formatted"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(DetachedProcess.baseEnvironment());
            Process process = builder.start();
            if (!process.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException("Formatting the Kafka storage did not finish within "
                        + FORMAT_TIMEOUT.toSeconds() + " s; see " + logFile + ":\n" + LogTail.excerpt(logFile, 30));
            }
            if (process.exitValue() != 0) {
                throw new StackException("Formatting the Kafka storage failed (exit code " + process.exitValue()
                        + "); see " + logFile + ":\n" + LogTail.excerpt(logFile, 30));
            }
        } catch (IOException e) {
            throw new StackException("Could not run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while formatting the Kafka storage", e);
        }
    }

    /** Starts the broker JVM detached. */
    public Process start() {
        List<String> command = javaCommand(BROKER_JVM_OPTIONS, "kafka.Kafka");
        command.add(serverProperties().toString());
        return DetachedProcess.start("kafka", command, Map.of(), dir, logFile);
    }

    /**
     * Waits until the broker answers a cluster description, failing early if its process dies.
     *
     * @param progress told every 10 s that the wait goes on
     */
    public void awaitReady(ProcessHandle process, Duration timeout, ProgressListener progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextNotice = start + TimeUnit.SECONDS.toNanos(10);
        try (Admin admin = admin(bootstrapServers())) {
            while (true) {
                if (!process.isAlive()) {
                    throw new StackException("Kafka exited during startup; see " + logFile + ":\n"
                            + LogTail.excerpt(logFile, 30));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new StackException("Kafka did not become ready within " + timeout.toSeconds() + " s; see "
                            + logFile + ":\n" + LogTail.excerpt(logFile, 30));
                }
                if (now > nextNotice) {
                    progress.step("Still waiting for Kafka on " + bootstrapServers());
                    nextNotice = now + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for Kafka", e);
        }
    }

    /** Creates the suite's topics (see {@link KafkaTopics}); returns those created now. */
    public List<String> createTopics(Duration timeout) {
        try (Admin admin = admin(bootstrapServers())) {
            return KafkaTopics.ensure(admin, timeout.toMillis());
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new StackException("Could not create the Kafka topics: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating the Kafka topics", e);
        }
    }

    /** An admin client with short timeouts, for readiness checks and topic creation. */
    public static Admin admin(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "chatpay-stack");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return Admin.create(properties);
    }

    private List<String> javaCommand(List<String> jvmOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(DetachedProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
    }

    String serverConfiguration() {
        return String.join("\n",
                "# chatpay local stack: one combined KRaft broker and controller on 127.0.0.1 (written at each start)",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir(),
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }
}
