package com.chatpay.stack;

import com.chatpay.stack.kafka.KafkaBroker;
import com.chatpay.stack.kafka.KafkaTopics;
import com.chatpay.stack.process.ProcessRecord;
import com.chatpay.stack.process.StackState;
import com.chatpay.stack.process.StackStateStore;
import com.chatpay.stack.service.ChatpayService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts and stops a real PostgreSQL and a real Kafka broker, as {@code ./chatpay up} does, without services. */
class LocalStackTests {

    private static final Path PROJECT_DIR = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path base;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRunPostgresAndKafkaWithEveryDatabaseAndTopicThenLeaveNothingBehind() throws Exception {
        StackConfig config = StackConfig.builder(PROJECT_DIR)
                .baseDir(base)
                .randomFreePorts()
                .infrastructureOnly()
                .kafkaClasspath(testClasspath())
                .postgresBinariesDir(PROJECT_DIR.resolve("stack/target/postgres-binaries"))
                .stopOnJvmExit(true)
                .build();
        List<ProcessHandle> started = new ArrayList<>();

        try (LocalStack stack = LocalStack.start(config, ProgressListener.console(System.out))) {
            StackState state = new StackStateStore(config.paths().stateFile()).read().orElseThrow();
            assertThat(state.processes()).extracting(ProcessRecord::name).containsExactly("postgres", "kafka");
            state.processes().forEach(p -> started.add(p.liveProcess().orElseThrow()));

            assertTopics(stack.kafkaBootstrapServers());
            assertDatabases(stack);
            assertThat(LocalStack.status(config).allUp()).isTrue();
            assertThat(LocalStack.isRunning(config)).isTrue();
            assertThatThrownBy(() -> LocalStack.start(config, ProgressListener.silent()))
                    .isInstanceOf(StackAlreadyRunningException.class);
        }

        assertThat(started).hasSize(2).noneMatch(ProcessHandle::isAlive);
        assertThat(started.get(0).descendants().toList()).isEmpty();
        assertThat(Files.exists(config.paths().stateFile())).isFalse();
        assertThat(LocalStack.isRunning(config)).isFalse();
        assertThat(LocalStack.stop(config, ProgressListener.silent())).isFalse();
    }

    private static void assertTopics(String bootstrapServers) throws Exception {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .containsAll(KafkaTopics.requiredNames());
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaTopics.requiredNames())
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get("payments.events").partitions()).hasSize(4);
            assertThat(topics.get("payment-service.limits.dlq").partitions()).hasSize(1);
        }
    }

    private static void assertDatabases(LocalStack stack) throws SQLException {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/postgres";
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", stack.keys().superuserPassword());
             Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname, pg_get_userbyid(datdba) FROM pg_database"
                     + " WHERE NOT datistemplate AND datname <> 'postgres'")) {
            List<String> owned = new ArrayList<>();
            while (rows.next()) {
                owned.add(rows.getString(1) + ":" + rows.getString(2));
            }
            assertThat(owned).containsExactlyInAnyOrder("onboarding:onboarding", "payment:payment", "limits:limits",
                    "notification:notification");
        }
        for (ChatpayService service : ChatpayService.values()) {
            try (Connection own = DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                    stack.databasePassword(service));
                 Statement statement = own.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS smoke (id int)");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(ChatpayService.PAYMENT), "onboarding",
                stack.databasePassword(ChatpayService.ONBOARDING)).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry");
        assertThatThrownBy(() -> DriverManager.getConnection(stack.jdbcUrl(ChatpayService.PAYMENT), "payment",
                "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    /** Surefire's test classpath holds the broker's jars ({@code stack/target/lib} is only filled at package). */
    private static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath != null ? classpath : System.getProperty("java.class.path");
    }
}
