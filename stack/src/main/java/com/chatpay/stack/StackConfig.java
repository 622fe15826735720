package com.chatpay.stack;

import com.chatpay.stack.service.ChatpayService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a local stack is made of and where it lives. {@link #forProject(Path)} is exactly the stack of
 * {@code ./chatpay up}; a test builds a second one on other ports and in its own base directory with
 * {@code StackConfig.builder(projectDir).baseDir(tempDir).randomFreePorts().build()}.
 */
public final class StackConfig {

    public static final String DEFAULT_BASE_DIR_NAME = ".chatpay";
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(120);

    private final Path projectDir;
    private final Path baseDir;
    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Map<ChatpayService, Integer> servicePorts;
    private final Set<ChatpayService> services;
    private final String kafkaClasspath;
    private final Path postgresBinariesDir;
    private final Duration readinessTimeout;
    private final boolean stopOnJvmExit;
    private final Map<ChatpayService, Map<String, String>> extraEnvironment;

    private StackConfig(Builder b) {
        this.projectDir = b.projectDir;
        this.baseDir = b.baseDir != null ? b.baseDir.toAbsolutePath().normalize()
                : projectDir.resolve(DEFAULT_BASE_DIR_NAME);
        this.postgresPort = b.postgresPort;
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.servicePorts = Map.copyOf(b.servicePorts);
        this.services = b.services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.services));
        this.kafkaClasspath = b.kafkaClasspath != null ? b.kafkaClasspath : defaultKafkaClasspath(projectDir);
        this.postgresBinariesDir = b.postgresBinariesDir != null ? b.postgresBinariesDir.toAbsolutePath().normalize()
                : new StackPaths(baseDir).postgresBinariesDir();
        this.readinessTimeout = b.readinessTimeout;
        this.stopOnJvmExit = b.stopOnJvmExit;
        Map<ChatpayService, Map<String, String>> extra = new EnumMap<>(ChatpayService.class);
        b.extraEnvironment.forEach((service, env) -> extra.put(service, Map.copyOf(env)));
        this.extraEnvironment = Map.copyOf(extra);
        validatePorts();
    }

    /** The stack of {@code ./chatpay up}: base {@code <project>/.chatpay}, the documented ports, all four services. */
    public static StackConfig forProject(Path projectDir) {
        return builder(projectDir).build();
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** The folder the stack module's build copies its runtime dependencies to; also the Kafka broker's classpath. */
    public static Path stackLibDir(Path projectDir) {
        return projectDir.resolve("stack").resolve("target").resolve("lib");
    }

    private static String defaultKafkaClasspath(Path projectDir) {
        return stackLibDir(projectDir) + "/*";
    }

    /** The repository root: service jars are found under {@code <project>/<module>/target/quarkus-app}. */
    public Path projectDir() {
        return projectDir;
    }

    public Path baseDir() {
        return baseDir;
    }

    public StackPaths paths() {
        return new StackPaths(baseDir);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public int servicePort(ChatpayService service) {
        return servicePorts.get(service);
    }

    /** The services this stack starts, in start order; empty for PostgreSQL and Kafka only. */
    public Set<ChatpayService> services() {
        Set<ChatpayService> ordered = EnumSet.noneOf(ChatpayService.class);
        ordered.addAll(services);
        return ordered;
    }

    /** The {@code -cp} value of the Kafka broker JVM (a {@code dir/*} wildcard or a path list). */
    public String kafkaClasspath() {
        return kafkaClasspath;
    }

    /** Where the PostgreSQL binaries are extracted (one folder per version); default under the base directory. */
    public Path postgresBinariesDir() {
        return postgresBinariesDir;
    }

    /** Extra environment variables of a service (see {@link Builder#serviceSetting}); empty for {@code up}. */
    public Map<String, String> extraEnvironment(ChatpayService service) {
        return extraEnvironment.getOrDefault(service, Map.of());
    }

    /** How long each service may take to answer {@code /q/health/ready} with UP. */
    public Duration readinessTimeout() {
        return readinessTimeout;
    }

    /** Whether the JVM that started the stack stops it when it exits (tests); {@code ./chatpay up} detaches. */
    public boolean stopOnJvmExit() {
        return stopOnJvmExit;
    }

    /** Every port of this stack with the component that will listen on it, in start order. */
    public Map<String, Integer> portsByComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgresPort);
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka controller", kafkaControllerPort);
        for (ChatpayService service : services()) {
            ports.put(service.moduleName(), servicePort(service));
        }
        return ports;
    }

    private void validatePorts() {
        Set<Integer> seen = new HashSet<>();
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("PostgreSQL", postgresPort);
        all.put("Kafka", kafkaPort);
        all.put("Kafka controller", kafkaControllerPort);
        servicePorts.forEach((service, port) -> all.put(service.moduleName(), port));
        all.forEach((component, port) -> {
            if (port < 1024 || port > 65535) {
                throw new IllegalArgumentException(component + " port " + port + " is outside 1024-65535");
            }
            if (!seen.add(port)) {
                throw new IllegalArgumentException("Port " + port + " is configured twice (again for " + component
                        + ")");
            }
        });
    }

    @Override
    public String toString() {
        return "StackConfig{baseDir=" + baseDir + ", ports=" + portsByComponent() + "}";
    }

    /** Builds a {@link StackConfig}; every setting starts at the value of {@code ./chatpay up}. */
    public static final class Builder {
        private final Path projectDir;
        private Path baseDir;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int kafkaControllerPort = DEFAULT_KAFKA_CONTROLLER_PORT;
        private final Map<ChatpayService, Integer> servicePorts = new EnumMap<>(ChatpayService.class);
        private final Set<ChatpayService> services = EnumSet.allOf(ChatpayService.class);
        private String kafkaClasspath;
        private Path postgresBinariesDir;
        private Duration readinessTimeout = DEFAULT_READINESS_TIMEOUT;
        private boolean stopOnJvmExit;
        private final Map<ChatpayService, Map<String, String>> extraEnvironment = new EnumMap<>(ChatpayService.class);

        private Builder(Path projectDir) {
            Objects.requireNonNull(projectDir, "projectDir");
            this.projectDir = projectDir.toAbsolutePath().normalize();
            if (!Files.isDirectory(this.projectDir)) {
                throw new IllegalArgumentException("Project directory " + this.projectDir + " does not exist");
            }
            for (ChatpayService service : ChatpayService.values()) {
                servicePorts.put(service, service.defaultPort());
            }
        }

        /** Default {@code <project>/.chatpay}. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder servicePort(ChatpayService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Picks free loopback ports for PostgreSQL, Kafka (broker and controller) and the four services. */
        public Builder randomFreePorts() {
            int[] ports = Ports.freePorts(3 + ChatpayService.values().length);
            postgresPort = ports[0];
            kafkaPort = ports[1];
            kafkaControllerPort = ports[2];
            int i = 3;
            for (ChatpayService service : ChatpayService.values()) {
                servicePorts.put(service, ports[i++]);
            }
            return this;
        }

        /** Which services to start (default all four); none at all starts PostgreSQL and Kafka only. */
        public Builder services(Collection<ChatpayService> selected) {
            services.clear();
            services.addAll(selected);
            return this;
        }

        public Builder infrastructureOnly() {
            services.clear();
            return this;
        }

        /** Default {@code <project>/stack/target/lib/*}, filled by the stack module's {@code package} phase. */
        public Builder kafkaClasspath(String classpath) {
            this.kafkaClasspath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /**
         * Default {@code <base>/postgres/binaries}. Tests that start many stacks can share one folder (e.g. under
         * {@code target/}) to extract the binaries once.
         */
        public Builder postgresBinariesDir(Path dir) {
            this.postgresBinariesDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Stop the stack when the JVM that started it exits (for tests, so a killed test run leaves nothing). */
        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /**
         * An extra environment variable for one service, on top of (or replacing) the stack's own: for tests that
         * shorten a timer (e.g. how long money waits for a payee).
         */
        public Builder serviceSetting(ChatpayService service, String variable, String value) {
            extraEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>())
                    .put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public StackConfig build() {
            return new StackConfig(this);
        }
    }
}
