package com.chatpay.payment.testing;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The meters payment-service had registered once it started, before any test ran a payment: observed
 * after every start-up bean was created (the lowest priority), for each start of the application under test.
 */
@ApplicationScoped
public class MetersAtStart {

    private static volatile Set<Meter.Id> ids = Set.of();

    void started(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event, MeterRegistry registry) {
        ids = registry.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
    }

    /** The meters' names, as of the latest start of the application. */
    public static Set<String> names() {
        return ids.stream().map(Meter.Id::getName).collect(Collectors.toSet());
    }

    /** Whether a meter {@code name} with these tags was registered, as of the latest start of the application. */
    public static boolean has(String name, Map<String, String> tags) {
        return ids.stream().anyMatch(id -> id.getName().equals(name)
                && tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(id.getTag(tag.getKey()))));
    }
}
