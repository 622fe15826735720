package com.chatpay.stack;

import com.chatpay.stack.service.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What must hold before anything is started, so that a start fails fast rather than half way. */
final class StackPreflight {

    private StackPreflight() {
    }

    /** Fails with what to do if a service jar or the Kafka broker jars are missing, or a port is taken. */
    static void check(StackConfig config) {
        List<String> missing = ServiceProcess.missingJars(config.projectDir(), config.services());
        if (!missing.isEmpty()) {
            throw new StackException("These services have not been built:\n  " + String.join("\n  ", missing)
                    + "\nBuild them with `./mvnw -DskipTests install` (./chatpay up does so when sources changed).");
        }
        String classpath = config.kafkaClasspath();
        if (classpath.endsWith("/*")) {
            Path libDir = Path.of(classpath.substring(0, classpath.length() - 2));
            if (!containsKafkaJar(libDir)) {
                throw new StackException("The Kafka broker jars are not in " + libDir + ": build the stack module with"
                        + " `./mvnw -DskipTests -pl stack install` (./chatpay up does so when sources changed).");
            }
        }
        Ports.requireFree(config.portsByComponent());
    }

    private static boolean containsKafkaJar(Path libDir) {
        if (!Files.isDirectory(libDir)) {
            return false;
        }
        try (var files = Files.list(libDir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }
}
