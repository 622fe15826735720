package com.chatpay.stack;

import com.chatpay.stack.service.ChatpayService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @TempDir
    Path project;

    @Test
    void shouldDescribeTheStackOfChatpayUp() {
        StackConfig config = StackConfig.forProject(project);

        assertThat(config.baseDir()).isEqualTo(project.resolve(".chatpay"));
        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.kafkaControllerPort()).isEqualTo(19093);
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.services()).containsExactly(ChatpayService.values());
        assertThat(config.servicePort(ChatpayService.ONBOARDING)).isEqualTo(8081);
        assertThat(config.servicePort(ChatpayService.PAYMENT)).isEqualTo(8082);
        assertThat(config.servicePort(ChatpayService.LIMITS)).isEqualTo(8083);
        assertThat(config.servicePort(ChatpayService.NOTIFICATION)).isEqualTo(8084);
        assertThat(config.kafkaClasspath()).isEqualTo(project.resolve("stack/target/lib") + "/*");
        assertThat(config.readinessTimeout()).hasSeconds(120);
        assertThat(config.stopOnJvmExit()).isFalse();
        assertThat(config.portsByComponent().values()).doesNotContain(5432);
    }

    @Test
    void shouldCarryExtraServiceSettingsForTestsOnly() {
        StackConfig plain = StackConfig.forProject(project);
        StackConfig tuned = StackConfig.builder(project)
                .serviceSetting(ChatpayService.PAYMENT, "PAYMENT_PAYEE_WAIT", "PT20S")
                .build();
        assertThat(plain.extraEnvironment(ChatpayService.PAYMENT)).isEmpty();
        assertThat(tuned.extraEnvironment(ChatpayService.PAYMENT))
                .containsExactly(java.util.Map.entry("PAYMENT_PAYEE_WAIT", "PT20S"));
        assertThat(tuned.extraEnvironment(ChatpayService.LIMITS)).isEmpty();
    }

    @Test
    void shouldLayOutTheBaseDirectory() {
        StackPaths paths = StackConfig.forProject(project).paths();

        assertThat(paths.keysDir()).isEqualTo(project.resolve(".chatpay/keys"));
        assertThat(paths.stateFile()).isEqualTo(project.resolve(".chatpay/run/stack.json"));
        assertThat(paths.logFile("payment-service")).isEqualTo(project.resolve(".chatpay/logs/payment-service.log"));
        assertThat(paths.postgresDataDir()).isEqualTo(project.resolve(".chatpay/postgres/data"));
    }

    @Test
    void shouldBuildASecondStackOnFreePortsInItsOwnDirectory(@TempDir Path base) {
        StackConfig config = StackConfig.builder(project).baseDir(base).randomFreePorts().infrastructureOnly().build();

        assertThat(config.baseDir()).isEqualTo(base);
        assertThat(config.services()).isEmpty();
        Set<Integer> ports = new HashSet<>(List.of(config.postgresPort(), config.kafkaPort(),
                config.kafkaControllerPort()));
        for (ChatpayService service : ChatpayService.values()) {
            ports.add(config.servicePort(service));
        }
        assertThat(ports).hasSize(7).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
    }

    @Test
    void shouldRefuseAPortUsedTwice() {
        assertThatThrownBy(() -> StackConfig.builder(project).kafkaPort(15432).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15432");
    }

    @Test
    void shouldRefusePrivilegedPorts() {
        assertThatThrownBy(() -> StackConfig.builder(project).postgresPort(80).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PostgreSQL port 80");
    }

    @Test
    void shouldFindServicesByModuleOrShortName() {
        assertThat(ChatpayService.byName("payment")).contains(ChatpayService.PAYMENT);
        assertThat(ChatpayService.byName("Notification-Service")).contains(ChatpayService.NOTIFICATION);
        assertThat(ChatpayService.byName("gateway")).isEmpty();
        assertThat(ChatpayService.LIMITS.runnerJar(project))
                .isEqualTo(project.resolve("limits-service/target/quarkus-app/quarkus-run.jar"));
    }
}
