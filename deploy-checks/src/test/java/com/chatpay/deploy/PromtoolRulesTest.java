package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules ({@code helm/chatpay/files/alerts.yaml}) checked and unit-tested by {@code promtool}, when it is
 * installed (Debian package {@code prometheus}); skipped with a message otherwise.
 */
class PromtoolRulesTest {

    @BeforeAll
    static void requirePromtool() {
        assumeTrue(promtool() != null,
                "promtool is not on PATH: alert rule unit tests skipped (apt-get install -y prometheus to run them)");
    }

    @Test
    void shouldPassPromtoolCheckRules() throws Exception {
        Result result = run("check", "rules", "files/alerts.yaml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 11 rules found");
    }

    @Test
    void shouldPassTheAlertRuleUnitTests() throws Exception {
        Result result = run("test", "rules", "tests/alerts-test.yaml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void shouldFailTheUnitTestsWhenAnAlertIsWeakened() throws Exception {
        Path copy = Files.createTempDirectory("chatpay-alerts-");
        Files.createDirectories(copy.resolve("files"));
        Files.createDirectories(copy.resolve("tests"));
        Files.writeString(copy.resolve("files/alerts.yaml"), Files.readString(Chart.dir().resolve("files/alerts.yaml"))
                .replace("(chatpay_outbox_lag_seconds) > 30", "(chatpay_outbox_lag_seconds) > 300"));
        Files.copy(Chart.dir().resolve("tests/alerts-test.yaml"), copy.resolve("tests/alerts-test.yaml"));

        Result result = runIn(copy, "test", "rules", "tests/alerts-test.yaml");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ChatpayOutboxLagHigh");
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return runIn(Chart.dir(), args);
    }

    private static Result runIn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(promtool().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path promtool() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private record Result(int exitCode, String output) {
    }
}
