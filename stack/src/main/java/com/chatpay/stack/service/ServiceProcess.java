package com.chatpay.stack.service;

import com.chatpay.stack.StackException;
import com.chatpay.stack.process.DetachedProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service as its own JVM: {@code java -Xmx160m -XX:+UseSerialGC -jar <module>/target/quarkus-app/quarkus-run.jar}.
 * The heap is sized from the bench ({@code ./chatpay bench}): a service's live set stays well under 100 MB at the
 * highest sustainable rate, and what the heap does not take keeps the process under 350 MB resident with the JIT's
 * code, metaspace, thread stacks and the native buffers of Netty, Kafka and PostgreSQL clients.
 */
public final class ServiceProcess {

    public static final List<String> JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC");

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

    public static List<String> command(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(DetachedProcess.javaExecutable());
        command.addAll(JVM_OPTIONS);
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
        return DetachedProcess.start(service.moduleName(), command(jar), environment, workDir, logFile);
    }
}
