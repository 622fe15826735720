package com.chatpay.stack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path JAR = Path.of("payment-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void shouldRunTheJarWithTheServiceHeapAndCollector() {
        List<String> command = ServiceProcess.command(JAR, null);

        assertThat(command.subList(1, command.size()))
                .containsExactly("-Xmx160m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=2000", "-jar",
                        JAR.toString());
        assertThat(ServiceProcess.command(JAR, "  ")).isEqualTo(command);
    }

    @Test
    void shouldAddTheDevelopersOptionsAfterTheDefaultsSoTheyWin() {
        List<String> command = ServiceProcess.command(JAR, " -Xmx256m  -XX:NativeMemoryTracking=summary ");

        assertThat(command.subList(1, command.size())).containsExactly("-Xmx160m", "-XX:+UseSerialGC",
                "-XX:TrimNativeHeapInterval=2000", "-Xmx256m",
                "-XX:NativeMemoryTracking=summary", "-jar", JAR.toString());
    }
}
