package com.chatpay.stack.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four services of the suite: their Maven module, their database (and role) and their local HTTP port. */
public enum ChatpayService {

    ONBOARDING("onboarding-service", "onboarding", 8081),
    PAYMENT("payment-service", "payment", 8082),
    LIMITS("limits-service", "limits", 8083),
    NOTIFICATION("notification-service", "notification", 8084);

    private final String moduleName;
    private final String databaseName;
    private final int defaultPort;

    ChatpayService(String moduleName, String databaseName, int defaultPort) {
        this.moduleName = moduleName;
        this.databaseName = databaseName;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, also the service's name in logs and state: {@code onboarding-service}. */
    public String moduleName() {
        return moduleName;
    }

    /** The service's own database; its login role has the same name and owns only this database. */
    public String databaseName() {
        return databaseName;
    }

    /** The HTTP port of {@code ./chatpay up}. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The Quarkus fast-jar launcher built by {@code mvn package}. */
    public Path runnerJar(Path projectDir) {
        return projectDir.resolve(moduleName).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** Finds a service by module name ({@code payment-service}) or short name ({@code payment}). */
    public static Optional<ChatpayService> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.moduleName.equals(wanted) || s.databaseName.equals(wanted))
                .findFirst();
    }
}
