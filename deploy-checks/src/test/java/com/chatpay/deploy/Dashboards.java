package com.chatpay.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reading Grafana dashboard JSON. */
final class Dashboards {
    /** Non-chatpay series a dashboard may read: Quarkus' HTTP server metrics and the JVM/process binders. */
    static final Set<String> STANDARD_METRICS = Set.of("http_server_requests_seconds", "jvm_", "process_");

    private Dashboards() {
    }

    /** Every PromQL expression of every panel target (and of query variables). */
    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asString());
                }
            }
        }
        return expressions;
    }
}
