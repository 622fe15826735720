package com.chatpay.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchServiceJvmsTest {

    private static final List<String> DEFAULTS = List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC");

    private static List<String> command(List<String> jvm, String module) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("-jar", "/repo/" + module + "/target/quarkus-app/quarkus-run.jar"));
        return command;
    }

    @Test
    void shouldPrintTheOptionsOnceWhenEveryServiceRunsWithTheSame() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        services.put("onboarding-service", command(DEFAULTS, "onboarding-service"));
        services.put("payment-service", command(DEFAULTS, "payment-service"));

        assertThat(Bench.serviceJvms(services)).isEqualTo("service JVMs: -Xms32m -Xmx160m -XX:+UseSerialGC");
    }

    @Test
    void shouldNameTheServiceWhenTheirOptionsDiffer() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        services.put("onboarding-service", command(DEFAULTS, "onboarding-service"));
        services.put("payment-service", command(List.of("-Xms32m", "-XX:NativeMemoryTracking=summary"),
                "payment-service"));
        services.put("limits-service", List.of());

        assertThat(Bench.serviceJvms(services)).isEqualTo("service JVMs: onboarding-service: -Xms32m -Xmx160m "
                + "-XX:+UseSerialGC; payment-service: -Xms32m -XX:NativeMemoryTracking=summary; "
                + "limits-service: unknown");
    }

    @Test
    void shouldSayWhenNoServiceRuns() {
        assertThat(Bench.serviceJvms(Map.of())).isEqualTo("service JVMs: none running");
    }
}
