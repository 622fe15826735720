package com.chatpay.stack;

import com.chatpay.stack.process.ProcessRecord;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./chatpay status} shows: each recorded component, its pid and port, and whether it answers.
 *
 * @param baseDir    the stack's base directory
 * @param startedAt  when {@code up} began (ISO-8601), null if the stack has never been started or is stopped
 * @param components one entry per recorded process, in start order
 */
public record StackStatus(Path baseDir, String startedAt, List<Component> components) {

    /** Health of one component. */
    public enum State {
        /** Running and answering (PostgreSQL accepts connections, Kafka describes its cluster, health is UP). */
        UP,
        /** Running but not answering yet (or not any more). */
        NOT_READY,
        /** Its process is gone. */
        DOWN
    }

    /**
     * @param name  {@code postgres}, {@code kafka} or a service module name
     * @param kind  what it is
     * @param pid   recorded process id
     * @param port  TCP port on 127.0.0.1
     * @param state current health
     */
    public record Component(String name, ProcessRecord.Kind kind, long pid, int port, State state) {
    }

    public StackStatus {
        components = List.copyOf(components);
    }

    /** Whether any recorded process still runs. */
    public boolean running() {
        return components.stream().anyMatch(c -> c.state() != State.DOWN);
    }

    /** Whether every recorded component is UP (and there is at least one). */
    public boolean allUp() {
        return !components.isEmpty() && components.stream().allMatch(c -> c.state() == State.UP);
    }
}
