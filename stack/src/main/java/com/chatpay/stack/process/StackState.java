package com.chatpay.stack.process;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of a running stack, in start order, as kept in {@code run/stack.json}.
 *
 * @param startedAt        when {@code up} began (ISO-8601)
 * @param postgresBinaries the PostgreSQL binaries folder the server was started from (its {@code pg_ctl} stops it)
 * @param processes        every process started, in start order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StackState(String startedAt, String postgresBinaries, List<ProcessRecord> processes) {

    public StackState {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    /** This state with {@code record} added at the end, or in place of an earlier record of the same name. */
    public StackState with(ProcessRecord record) {
        List<ProcessRecord> updated = new ArrayList<>(processes);
        int index = 0;
        while (index < updated.size() && !updated.get(index).name().equals(record.name())) {
            index++;
        }
        if (index < updated.size()) {
            updated.set(index, record);
        } else {
            updated.add(record);
        }
        return new StackState(startedAt, postgresBinaries, updated);
    }

    public StackState withPostgresBinaries(String folder) {
        return new StackState(startedAt, folder, processes);
    }

    public Optional<ProcessRecord> find(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<ProcessRecord> ofKind(ProcessRecord.Kind kind) {
        return processes.stream().filter(p -> p.kind() == kind).toList();
    }

    /** Whether any recorded process still runs. */
    public boolean anyAlive() {
        return processes.stream().anyMatch(p -> p.liveProcess().isPresent());
    }
}
