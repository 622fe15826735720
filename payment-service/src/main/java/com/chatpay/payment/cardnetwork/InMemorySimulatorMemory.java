package com.chatpay.payment.cardnetwork;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's memory in the process: the latest {@code remembered} references (about 250 bytes each), oldest
 * forgotten first. Unbounded, it kept about 0.6 KB per payment forever and ran a service under load out of its heap
 * within hours. Each replica has its own, and a restart forgets it.
 */
final class InMemorySimulatorMemory implements SimulatorMemory {

    /** Every reference remembered, oldest first; guarded by itself. */
    private final LinkedHashMap<String, Reference> references;

    InMemorySimulatorMemory(int remembered) {
        if (remembered < 1) {
            throw new IllegalArgumentException("the card network remembers at least one reference");
        }
        this.references = new LinkedHashMap<>(1024) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reference> eldest) {
                return size() > remembered;
            }
        };
    }

    @Override
    public <T> Uni<T> change(String reference, Function<Reference, T> change) {
        T result;
        synchronized (references) {
            result = change.apply(references.computeIfAbsent(reference, r -> new Reference()));
        }
        return Uni.createFrom().item(result);
    }

    @Override
    public Uni<Optional<Reference>> read(String reference) {
        synchronized (references) {
            Reference known = references.get(reference);
            return Uni.createFrom().item(Optional.ofNullable(known == null ? null : known.copy()));
        }
    }

    int size() {
        synchronized (references) {
            return references.size();
        }
    }
}
