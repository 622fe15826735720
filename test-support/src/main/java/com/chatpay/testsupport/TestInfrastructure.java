package com.chatpay.testsupport;

import com.chatpay.common.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * One real PostgreSQL 15 and one real Kafka broker (KRaft) per test JVM, started on first use. PostgreSQL (a child
 * process) is stopped when the JVM exits; the in-JVM broker simply ends with it (its data is under target/). Every component test of a module shares them, so Quarkus boots against the same infrastructure.
 */
public final class TestInfrastructure {

    /** Partitions of each business topic in tests: more than one, so ordering by key is really exercised. */
    public static final int PARTITIONS = 3;

    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopPostgres, "stop-postgres"));
        }
        return postgres;
    }

    /** A JDBC URL of the test database (user {@code postgres}, trust authentication). */
    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    public static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            // the broker runs inside the test JVM: it must never exit or halt it (Kafka's own tests do the same),
            // or a test run that passed ends with a non-zero exit code
            Exit.setExitProcedure((status, message) ->
                    System.err.printf("embedded Kafka asked to exit(%d): %s%n", status, message));
            Exit.setHaltProcedure((status, message) ->
                    System.err.printf("embedded Kafka asked to halt(%d): %s%n", status, message));
            try {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        // one partition: the first consumer group join does not wait for 50 to be created
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
                createTopics(cluster.bootstrapServers());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded Kafka broker", e);
            }
        }
        return kafka.bootstrapServers();
    }

    /** The business topics of {@link Topics#ALL} and a dead-letter topic for every consumer group. */
    private static void createTopics(String bootstrap) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>();
        Topics.ALL.forEach(t -> topics.add(new NewTopic(t, PARTITIONS, (short) 1)));
        Topics.Groups.ALL.forEach(g -> topics.add(new NewTopic(Topics.deadLetter(g), 1, (short) 1)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get();
        }
    }

    /** A writable folder under the module's target/ for keys and other test files. */
    public static Path workDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "chatpay-test");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void stopPostgres() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting; the server's own shutdown follows its process group
        }
    }

}
