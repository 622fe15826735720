package com.chatpay.stack.process;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One process the stack started. The process start time is kept with the pid so that a recycled pid (after a
 * reboot, or much later) is never mistaken for, let alone signalled as, the stack's process.
 *
 * @param name         component name: {@code postgres}, {@code kafka} or a service module name
 * @param kind         what the process is
 * @param pid          operating-system process id
 * @param processStart the start instant the OS reports for {@code pid} (ISO-8601), null if unknown
 * @param port         the TCP port it serves on 127.0.0.1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessRecord(String name, Kind kind, long pid, String processStart, int port) {

    /** What a recorded process is. */
    public enum Kind {
        POSTGRES, KAFKA, SERVICE
    }

    public ProcessRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static ProcessRecord of(String name, Kind kind, ProcessHandle process, int port) {
        String start = process.info().startInstant().map(Instant::toString).orElse(null);
        return new ProcessRecord(name, kind, process.pid(), start, port);
    }

    /** The recorded process if it still runs (same pid and same start time). */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> processStart == null || handle.info().startInstant()
                        .map(Instant::toString).map(processStart::equals).orElse(true));
    }
}
