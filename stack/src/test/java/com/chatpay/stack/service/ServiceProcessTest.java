package com.chatpay.stack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.stack.process.DetachedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path JAR = Path.of("payment-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void shouldRunTheJarWithTheServiceHeapAndCollector() {
        List<String> command = ServiceProcess.command(JAR, null);

        assertThat(command.subList(1, command.size()))
                .containsExactly("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20",
                        "-XX:MaxHeapFreeRatio=50", "-XX:TrimNativeHeapInterval=2000", "-jar", JAR.toString());
        assertThat(ServiceProcess.command(JAR, "  ")).isEqualTo(command);
    }

    @Test
    void shouldAddTheDevelopersOptionsAfterTheDefaultsSoTheyWin() {
        List<String> command = ServiceProcess.command(JAR, " -Xmx256m  -XX:NativeMemoryTracking=summary ");

        assertThat(command.subList(1, command.size())).containsExactly("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
                "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=50", "-XX:TrimNativeHeapInterval=2000", "-Xmx256m",
                "-XX:NativeMemoryTracking=summary", "-jar", JAR.toString());
    }

    @Test
    void shouldStartTheHeapSmallUnderItsCeilingWhateverTheMachinesMemory() throws Exception {
        // the JVM's own reading of the options: without -Xms the initial heap is 1/64 of the machine's memory, which
        // on any machine with more than 10 GB is the whole 160 MB ceiling, resident once the old generation fills
        Map<String, Long> flags = finalFlags(ServiceProcess.JVM_OPTIONS, "InitialHeapSize", "MaxHeapSize");

        assertThat(flags).containsEntry("InitialHeapSize", 32L << 20).containsEntry("MaxHeapSize", 160L << 20);
    }

    @Test
    void shouldKeepTheHeapCloseToTheLiveSetAfterAFullCollection() throws Exception {
        // the serial collector's defaults (40-70 % free) kept payment-service's heap at 80-92 MB for a ~40 MB live
        // set; 20-50 % keeps it at 66-74 MB (README, Performance), so 10-16 MB less of it resident
        Map<String, Long> flags = finalFlags(ServiceProcess.JVM_OPTIONS, "MinHeapFreeRatio", "MaxHeapFreeRatio");

        assertThat(flags).containsEntry("MinHeapFreeRatio", 20L).containsEntry("MaxHeapFreeRatio", 50L);
    }

    /** The values the JVM settles on for {@code options}, from {@code -XX:+PrintFlagsFinal}. */
    private static Map<String, Long> finalFlags(List<String> options, String... names) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(DetachedProcess.javaExecutable()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();
        Map<String, Long> flags = new HashMap<>();
        for (String name : names) {
            Matcher flag = Pattern.compile("\\s" + name + "\\s+=\\s+(\\d+)").matcher(output);
            assertThat(flag.find()).as(name + " in " + output).isTrue();
            flags.put(name, Long.parseLong(flag.group(1)));
        }
        return flags;
    }
}
