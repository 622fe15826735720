package com.chatpay.stack.postgres;

import com.chatpay.stack.StackException;
import com.chatpay.stack.keys.SecretFiles;
import com.chatpay.stack.process.DetachedProcess;
import com.chatpay.stack.process.LogTail;
import com.chatpay.stack.process.ProcessStopper;
import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server run from the extracted zonky binaries with {@code initdb} and {@code pg_ctl}: it keeps
 * running after the JVM that started it exits, listens on 127.0.0.1 only (no Unix socket) and asks every role for
 * its SCRAM password.
 *
 * <p>PostgreSQL refuses to run as root. Like zonky's {@code EmbeddedPostgres}, when this JVM runs as root every
 * PostgreSQL binary is started under {@code unshare -U}: in a fresh user namespace with no uid mapping the server
 * sees itself (and its root-owned data directory) as the unprivileged overflow user {@code nobody}. As a normal user
 * the binaries run as that user.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final String SETTINGS = """

            # chatpay local stack
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 200
            password_encryption = 'scram-sha-256'
            timezone = 'UTC'
            log_timezone = 'UTC'
            # A dev cluster: no fsync (as zonky's embedded PostgreSQL). A killed process loses nothing (the page
            # cache survives it); only a crash of the machine itself could.
            fsync = off
            """;
    private static final String HBA = """
            # chatpay local stack: TCP on 127.0.0.1 only, SCRAM passwords; the superuser reaches every database,
            # each service role only the database of the same name.
            # TYPE  DATABASE  USER      ADDRESS        METHOD
            host    all       postgres  127.0.0.1/32   scram-sha-256
            host    sameuser  all       127.0.0.1/32   scram-sha-256
            """;

    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final int port;

    /**
     * @param home    extracted binaries ({@link PostgresBinaries#ensureExtracted})
     * @param dataDir the cluster's data directory
     * @param logFile server log (also receives initdb and pg_ctl output)
     * @param port    TCP port on 127.0.0.1
     */
    public PostgresServer(Path home, Path dataDir, Path logFile, int port) {
        this.home = home;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public boolean isInitialized() {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    /** Creates the cluster (superuser {@code postgres} with this password) and writes its network settings. */
    public void initialize(String superuserPassword) {
        Path parent = dataDir.toAbsolutePath().getParent();
        Path staging = parent.resolve(dataDir.getFileName() + ".initdb");
        try {
            Files.createDirectories(parent);
            requireEmptyOrAbsent(dataDir);
            deleteTree(staging);
            Path passwordFile = SecretFiles.createTempFile(parent, ".superuser-");
            try {
                Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
                run(INITDB_TIMEOUT, bin("initdb"), "-D", staging.toString(), "-U", SUPERUSER,
                        "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale",
                        "--no-instructions", "--no-sync");
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            Files.writeString(staging.resolve("postgresql.conf"), SETTINGS, StandardOpenOption.APPEND);
            Files.writeString(staging.resolve("pg_hba.conf"), HBA, StandardOpenOption.TRUNCATE_EXISTING);
            Files.deleteIfExists(dataDir);
            Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Could not initialise PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // a leftover staging folder is removed by the next initialisation
            }
        }
    }

    /** Starts the server detached and waits until it accepts connections; returns the postmaster. */
    public ProcessHandle start() {
        Optional<ProcessHandle> running = runningPostmaster();
        if (running.isPresent()) {
            throw new StackException("PostgreSQL of " + dataDir + " already runs (pid " + running.get().pid() + ")");
        }
        run(START_TIMEOUT.plusSeconds(10), bin("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(),
                "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "-s", "-o", "-p " + port, "start");
        return runningPostmaster().orElseThrow(() -> new StackException(
                "PostgreSQL reported a start but no server runs; see " + logFile + ":\n"
                        + LogTail.excerpt(logFile, 30)));
    }

    /** The running postmaster of this data directory, from {@code postmaster.pid}. */
    public Optional<ProcessHandle> runningPostmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("").trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}; {@code -m immediate} and then SIGKILL if that fails).
     *
     * @return false if it was not running
     */
    public boolean stop() {
        return stop(false);
    }

    /**
     * Stops the server; {@code immediate} aborts every backend without a checkpoint ({@code pg_ctl stop -m
     * immediate}), as a crash would, so that the next start runs WAL recovery.
     *
     * @return false if it was not running
     */
    public boolean stop(boolean immediate) {
        Optional<ProcessHandle> postmaster = runningPostmaster();
        if (postmaster.isEmpty()) {
            return false;
        }
        List<ProcessHandle> backends = postmaster.get().descendants().toList();
        try {
            run(STOP_TIMEOUT.plusSeconds(10), bin("pg_ctl"), "-D", dataDir.toString(), "-m",
                    immediate ? "immediate" : "fast", "-w", "-t",
                    Long.toString(STOP_TIMEOUT.toSeconds()), "-s", "stop");
        } catch (StackException fastFailed) {
            try {
                run(STOP_TIMEOUT, bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "-s", "stop");
            } catch (StackException immediateFailed) {
                ProcessStopper.stop(postmaster.get(), Duration.ofSeconds(5));
            }
        }
        ProcessStopper.awaitExit(postmaster.get(), TimeUnit.SECONDS.toNanos(10));
        backends.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return true;
    }

    /**
     * Creates (or updates) one login role per account, owning a database of the same name that no other role may
     * connect to; resets each role's password to the given one.
     *
     * @return the server version, e.g. {@code 15.15}
     */
    public String provision(String superuserPassword, List<DatabaseAccount> accounts) {
        try (Connection connection = connect("postgres", SUPERUSER, superuserPassword)) {
            for (DatabaseAccount account : accounts) {
                ensureRole(connection, account);
                ensureDatabase(connection, account);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                return version.getString(1);
            }
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState())) {
                throw new StackException("PostgreSQL rejected the superuser password of the dev keys: the data "
                        + "directory " + dataDir + " was created with other keys. Restore those keys, or delete "
                        + dataDir + " (its data is lost) and start again.", e);
            }
            throw new StackException("Could not create the service databases: " + e.getMessage(), e);
        }
    }

    /** A JDBC connection to {@code database} on this server. */
    public Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "chatpay-stack");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private static void ensureRole(Connection connection, DatabaseAccount account) throws SQLException {
        String role = quoteIdentifier(account.role());
        String password = quoteLiteral(account.password());
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, account.role());
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement statement = connection.createStatement()) {
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ";
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " WITH" + attributes + password);
        }
    }

    private static void ensureDatabase(Connection connection, DatabaseAccount account) throws SQLException {
        String database = quoteIdentifier(account.database());
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, account.database());
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement statement = connection.createStatement()) {
            if (!exists) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + quoteIdentifier(account.role())
                        + " ENCODING 'UTF8'");
            }
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
        }
    }

    private static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private String bin(String program) {
        Path path = home.resolve("bin").resolve(program);
        if (!Files.isExecutable(path)) {
            throw new StackException("PostgreSQL binary " + path + " is missing; delete " + home
                    + " to extract the binaries again.");
        }
        return path.toString();
    }

    /** Runs a PostgreSQL program to completion, its output appended to the server log. */
    private void run(Duration timeout, String... command) {
        List<String> full = new ArrayList<>(RootHandling.commandPrefix());
        full.addAll(List.of(command));
        String program = Path.of(command[0]).getFileName().toString();
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(DetachedProcess.baseEnvironment());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StackException(program + " did not finish within " + timeout.toSeconds() + " s; see "
                        + logFile + ":\n" + LogTail.excerpt(logFile, 30));
            }
            if (process.exitValue() != 0) {
                throw new StackException(program + " failed (exit code " + process.exitValue() + "); see " + logFile
                        + ":\n" + LogTail.excerpt(logFile, 30));
            }
        } catch (IOException e) {
            throw new StackException("Could not run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while running " + program, e);
        }
    }

    private static void requireEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isPresent()) {
                throw new StackException(dir + " is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it "
                        + "away or delete it.");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** How PostgreSQL binaries are launched when this JVM runs as root (see the class comment). */
    static final class RootHandling {

        private static final boolean ROOT = new UnixSystem().getUid() == 0;
        private static volatile Boolean unshareWorks;

        private RootHandling() {
        }

        static List<String> commandPrefix() {
            if (!ROOT) {
                return List.of();
            }
            if (!unshareWorks()) {
                throw new StackException("PostgreSQL refuses to run as root, and this machine does not allow user "
                        + "namespaces (`unshare -U` failed) to run it unprivileged. Run ./chatpay as a normal user.");
            }
            return List.of("unshare", "-U");
        }

        private static boolean unshareWorks() {
            Boolean known = unshareWorks;
            if (known == null) {
                try {
                    Process probe = new ProcessBuilder("unshare", "-U", "true")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    known = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
                } catch (IOException e) {
                    known = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    known = false;
                }
                unshareWorks = known;
            }
            return known;
        }
    }
}
