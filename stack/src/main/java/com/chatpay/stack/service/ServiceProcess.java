package com.chatpay.stack.service;

import com.chatpay.stack.StackException;
import com.chatpay.stack.process.DetachedProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service as its own JVM: {@code java -Xms32m -Xmx160m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20
 * -XX:MaxHeapFreeRatio=50 -XX:TrimNativeHeapInterval=2000 -jar <module>/target/quarkus-app/quarkus-run.jar}. The heap's
 * ceiling is sized from the bench ({@code ./chatpay bench}): a service's live set stays well under 100 MB at the
 * highest sustainable rate. The heap starts small and grows to what the live set needs, as in the services' images,
 * whose initial heap is 1/16 of the container's limit. Without {@code -Xms} the initial heap is 1/64 of the machine's
 * memory, more than the ceiling on any machine with over 10 GB, so the heap is 160 MB from the start and every page of
 * it ends up resident as the old generation fills. After a full collection the serial collector keeps 20-50 % of the
 * heap free (its defaults, 40-70 %, kept payment-service's heap at 80-92 MB for a live set of about 40 MB; now 66-74
 * MB, 10-16 MB less resident, for a full collection more during start-up and warm-up; the images use the same collector
 * and ratios, {@code src/main/docker/Dockerfile.jvm}). Around the heap come the JIT's code, metaspace (22,000 classes
 * in payment-service: 110 MB), thread stacks and the native buffers of Netty, Kafka and PostgreSQL clients: 230-250 MB
 * more, so a service peaks at 270-355 MB resident under load (payment-service, with the most classes, at the top; see
 * the README's Performance section). glibc keeps what the JIT compilers and those buffers freed: 20-30 MB per service
 * under load ({@code jcmd <pid> System.trim_native_heap}), which the JVM now hands back every 2 s.
 */
public final class ServiceProcess {

    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=50", "-XX:TrimNativeHeapInterval=2000");

    /**
     * JVM options added after {@link #JVM_OPTIONS} for every service, separated by spaces: to profile or to try a
     * flag, e.g. {@code CHATPAY_JAVA_OPTS="-XX:NativeMemoryTracking=summary" ./chatpay up}.
     */
    public static final String EXTRA_OPTIONS_VARIABLE = "CHATPAY_JAVA_OPTS";

    private ServiceProcess() {
    }

    /** The services whose runner jar has not been built, as "module (path)" lines; empty when all exist. */
    public static List<String> missingJars(Path projectDir, Iterable<ChatpayService> services) {
        List<String> missing = new ArrayList<>();
        for (ChatpayService service : services) {
            Path jar = service.runnerJar(projectDir);
            if (!Files.isRegularFile(jar)) {
                missing.add(service.moduleName() + " (" + jar + ")");
            }
        }
        return missing;
    }

    /** The command line of a service: {@link #JVM_OPTIONS}, then {@code extraOptions} (may be null or blank). */
    public static List<String> command(Path jar, String extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(DetachedProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * Starts the service detached, its output appended to {@code logFile}.
     *
     * @param environment the variables of {@link ServiceEnvironment#of}
     */
    public static Process launch(ChatpayService service, Path projectDir, Map<String, String> environment,
                                 Path workDir, Path logFile) {
        Path jar = service.runnerJar(projectDir);
        if (!Files.isRegularFile(jar)) {
            throw new StackException("The " + service.moduleName() + " jar " + jar + " does not exist: build it with"
                    + " `./mvnw -DskipTests install` (./chatpay up builds what is out of date).");
        }
        return DetachedProcess.start(service.moduleName(), command(jar, System.getenv(EXTRA_OPTIONS_VARIABLE)),
                environment, workDir, logFile);
    }
}
