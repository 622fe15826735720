package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code helm template} for every values file, every object parsed strictly and held to the policies of issue 7.
 */
class ChartRenderTest {
    static final List<String> VALUES_FILES = Chart.VALUES_FILES;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @FieldSource("VALUES_FILES")
    void shouldRenderObjectsThatMeetEveryPolicy(String valuesFile) throws IOException {
        String manifest = valuesFile.equals("values.yaml") ? Chart.template()
                : Chart.template(Chart.dir().resolve(valuesFile));
        Path rendered = Path.of("target/rendered", valuesFile);
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, manifest); // kept for review and as a CI artifact
        List<HasMetadata> objects = Chart.parse(manifest);

        boolean kafkaAcls = Boolean.TRUE.equals(Policies.map(Chart.mergedValues(valuesFile).get("kafka")).get("authentication"));
        assertThat(Policies.all(objects, kafkaAcls)).as("violations with %s", valuesFile).isEmpty();
        assertThat(Policies.custom(objects, "KafkaUser")).hasSize(kafkaAcls ? Expected.SERVICES.size() : 0);
        assertThat(Policies.ofKind(objects, Deployment.class)).hasSize(Expected.SERVICES.size());
        assertThat(Policies.ofKind(objects, Secret.class)).as("the chart creates no Secret").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("VALUES_FILES")
    void shouldParseEveryBuiltInKindIntoItsTypedModel(String valuesFile) {
        List<HasMetadata> objects = Chart.render(valuesFile);

        Set<String> builtIn = Set.of("ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "Ingress");
        assertThat(objects).filteredOn(o -> builtIn.contains(o.getKind())).allMatch(StrictModel::isBuiltIn);
        assertThat(objects).filteredOn(o -> !StrictModel.isBuiltIn(o)).extracting(HasMetadata::getKind)
                .allMatch(kind -> Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
                        "ServiceMonitor", "PrometheusRule").contains(kind));
    }

    @Test
    void shouldRunOneKafkaNodeAndOnePostgresInstanceOnKind() {
        List<HasMetadata> objects = Chart.render("values-kind.yaml");

        assertThat(Policies.spec(only(objects, "KafkaNodePool")).get("replicas")).isEqualTo(1);
        assertThat(Policies.spec(only(objects, "KafkaNodePool")).get("roles")).isEqualTo(List.of("controller", "broker"));
        assertThat(Policies.custom(objects, "Cluster")).hasSize(4)
                .allMatch(c -> Integer.valueOf(1).equals(Policies.spec(c).get("instances")));
        assertThat(Policies.custom(objects, "ServiceMonitor")).isEmpty();
    }

    @Test
    void shouldRunThreeKafkaNodesWithTlsAndThreePostgresInstancesInProduction() {
        List<HasMetadata> objects = Chart.render("values-prod.yaml");

        assertThat(Policies.spec(only(objects, "KafkaNodePool")).get("replicas")).isEqualTo(3);
        Map<String, Object> kafka = Policies.map(Policies.spec(only(objects, "Kafka")).get("kafka"));
        assertThat(Policies.list(kafka.get("listeners"))).singleElement()
                .satisfies(l -> assertThat(Policies.map(l)).containsEntry("tls", true).containsEntry("port", 9093)
                        .containsEntry("authentication", Map.of("type", "scram-sha-512")))
                .satisfies(l -> assertThat(Policies.list(Policies.map(l).get("networkPolicyPeers"))).singleElement()
                        .satisfies(peer -> assertThat(Policies.map(Policies.map(Policies.map(peer).get("podSelector"))
                                .get("matchLabels"))).containsEntry("app.kubernetes.io/component", "service")));
        assertThat(Policies.map(kafka.get("authorization"))).containsEntry("type", "simple");
        assertThat(Policies.map(kafka.get("config"))).containsEntry("min.insync.replicas", 2);
        assertThat(Policies.custom(objects, "Cluster")).hasSize(4)
                .allMatch(c -> Integer.valueOf(3).equals(Policies.spec(c).get("instances")));
        assertThat(Policies.custom(objects, "ServiceMonitor")).hasSize(4);
        assertThat(Policies.custom(objects, "PrometheusRule")).hasSize(1);
    }

    /**
     * Every values file lets payment-service run more than one replica, so its card-network simulator remembers in
     * the database: with the in-process memory a step resumed on another replica (a payout after the payee activated,
     * a refund) asked a network that never granted the hold.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("VALUES_FILES")
    void shouldShareTheCardSimulatorsMemoryBetweenPaymentServiceReplicas(String valuesFile) {
        ConfigMap payment = Policies.ofKind(Chart.render(valuesFile), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().endsWith("payment-service")).findFirst().orElseThrow();

        assertThat(payment.getData()).containsEntry("CHATPAY_CARD_NETWORK_SIMULATOR_STORE", "database");
    }

    @Test
    void shouldShipTheDashboardAsAGrafanaSidecarConfigMapReadingOnlyExposedMetrics() {
        ConfigMap dashboard = Policies.ofKind(Chart.render("values.yaml"), ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard")).findFirst().orElseThrow();

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = JSON.readTree(dashboard.getData().get("chatpay.json"));
        List<String> expressions = Dashboards.expressions(json);
        assertThat(expressions).hasSizeGreaterThan(10);
        assertThat(ServiceMetrics.unknownSeries(expressions, Dashboards.STANDARD_METRICS)).isEmpty();
        assertThat(expressions).anyMatch(e -> e.contains("chatpay_payments_total"))
                .anyMatch(e -> e.contains("chatpay_payment_duration_seconds_bucket"))
                .anyMatch(e -> e.contains("chatpay_limit_decisions_total"))
                .anyMatch(e -> e.contains("chatpay_notifications_total"))
                .anyMatch(e -> e.contains("jvm_memory_used_bytes"))
                .anyMatch(e -> e.contains("http_server_requests_seconds"));
    }

    @Test
    void shouldAlertOnlyOnMetricsTheServicesExpose() {
        GenericKubernetesResource rule = only(Chart.render("values.yaml"), "PrometheusRule");
        List<String> expressions = Policies.list(Policies.spec(rule).get("groups")).stream()
                .flatMap(g -> Policies.list(Policies.map(g).get("rules")).stream())
                .map(r -> String.valueOf(Policies.map(r).get("expr"))).toList();

        assertThat(expressions).hasSize(11);
        assertThat(ServiceMetrics.unknownSeries(expressions, Set.of("kafka_consumer_fetch_manager_records_lag_max",
                "kube_pod_container_status_restarts_total", "up"))).isEmpty();
        assertThat(String.join("\n", expressions)).contains("chatpay_payments_total", "chatpay_limit_decisions_total",
                "chatpay_outbox_lag_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "chatpay_notifications_total", "kube_pod_container_status_restarts_total",
                "chatpay_payment_reconciliation_open", "chatpay_card_network_circuit_open",
                "chatpay_settlement_takeovers_total");
    }

    private static GenericKubernetesResource only(List<HasMetadata> objects, String kind) {
        List<GenericKubernetesResource> found = Policies.custom(objects, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
