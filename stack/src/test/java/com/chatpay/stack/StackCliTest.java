package com.chatpay.stack;

import com.chatpay.stack.keys.DevKeys;
import com.chatpay.stack.keys.Pem;
import com.chatpay.stack.process.ProcessRecord;
import com.chatpay.stack.process.StackState;
import com.chatpay.stack.process.StackStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.List;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class StackCliTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldPrintOnlyASignedTokenOnStandardOutput() throws Exception {
        int exit = run("token", "alice");

        assertThat(exit).isEqualTo(StackCli.OK);
        String token = out.toString(StandardCharsets.UTF_8).trim();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        DevKeys keys = DevKeys.loadOrCreate(project.resolve(".chatpay/keys"));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(Pem.readPublicKey(keys.gatewayPublicKey(), "RSA"));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Generated dev keys")
                .doesNotContain(keys.pinPepper());
    }

    @Test
    void shouldReportAStackThatIsNotRunning() {
        assertThat(run("status")).isEqualTo(StackCli.NOT_RUNNING);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not running");
        assertThat(run("is-running")).isEqualTo(StackCli.NOT_RUNNING);
        assertThat(run("down")).isEqualTo(StackCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("was not running");
    }

    @Test
    void shouldSayARunningStackDoesNotRunSourcesChangedSinceItsBuild() throws Exception {
        // a stack whose recorded process is alive: this very JVM
        Path stateFile = StackConfig.forProject(project).paths().stateFile();
        Files.createDirectories(stateFile.getParent());
        new StackStateStore(stateFile).write(new StackState(Instant.now().toString(), null,
                List.of(ProcessRecord.of("postgres", ProcessRecord.Kind.POSTGRES, ProcessHandle.current(), 1))));

        assertThat(run("up")).isEqualTo(StackCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("already running").doesNotContain("sources changed");

        assertThat(run("up", StackCli.SOURCES_CHANGED)).isEqualTo(StackCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The sources changed since the build it runs")
                .contains("./chatpay down && ./chatpay up");
    }

    @Test
    void shouldRefuseBadUsageWithExitCodeTwo() {
        assertThat(run("launch")).isEqualTo(StackCli.USAGE);
        assertThat(run("token")).isEqualTo(StackCli.USAGE);
        assertThat(run("logs", "gateway")).isEqualTo(StackCli.USAGE);
        assertThat(run("logs", "-n", "many")).isEqualTo(StackCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: launch")
                .contains("Unknown component 'gateway'").contains("see ./chatpay help");
    }

    @Test
    void shouldPrintTheEndOfAComponentLog() throws Exception {
        Path logs = project.resolve(".chatpay/logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("payment-service.log"), "one\ntwo\nthree\n");

        assertThat(run("logs", "payment", "-n", "2")).isEqualTo(StackCli.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("two" + System.lineSeparator() + "three"
                + System.lineSeparator());
    }

    private int run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--project-dir";
        full[1] = project.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new StackCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(full);
    }
}
