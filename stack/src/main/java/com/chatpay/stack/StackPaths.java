package com.chatpay.stack;

import java.nio.file.Path;

/**
 * Where a stack keeps its files, all under one base directory ({@code .chatpay/} at the repository root for
 * {@code ./chatpay up}).
 *
 * @param baseDir absolute base directory
 */
public record StackPaths(Path baseDir) {

    /** Dev keys, secrets and database passwords (mode 700, files 600). */
    public Path keysDir() {
        return baseDir.resolve("keys");
    }

    /** One log file per component: {@code postgres.log}, {@code kafka.log}, {@code <module>.log}. */
    public Path logsDir() {
        return baseDir.resolve("logs");
    }

    /** The state file, the lock file and the services' working directory. */
    public Path runDir() {
        return baseDir.resolve("run");
    }

    /** Every process the stack started: pid, kind, port. */
    public Path stateFile() {
        return runDir().resolve("stack.json");
    }

    /** Held while a command starts or stops the stack, so that two commands never race. */
    public Path lockFile() {
        return runDir().resolve("stack.lock");
    }

    /** Extracted PostgreSQL binaries, one folder per version. */
    public Path postgresBinariesDir() {
        return baseDir.resolve("postgres").resolve("binaries");
    }

    /** The PostgreSQL cluster; it survives {@code down}/{@code up}. */
    public Path postgresDataDir() {
        return baseDir.resolve("postgres").resolve("data");
    }

    /** Kafka configuration files and, under {@code data/}, the KRaft log directory. */
    public Path kafkaDir() {
        return baseDir.resolve("kafka");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }
}
