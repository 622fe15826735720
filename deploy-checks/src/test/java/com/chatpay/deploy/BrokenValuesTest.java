package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks can fail: broken values fixtures ({@code src/test/resources/broken}) over the chart's defaults make
 * them report exactly the broken rule.
 */
class BrokenValuesTest {

    @Test
    void shouldFailWhenAProbeIsRemoved() {
        assertThat(violations("no-liveness-probe.yaml"))
                .anyMatch(v -> v.contains("payment-service") && v.contains("no livenessProbe on /q/health/live"));
    }

    @Test
    void shouldFailWhenTheNetworkPolicyIsRemoved() {
        assertThat(violations("no-network-policy.yaml"))
                .contains("onboarding-service: no NetworkPolicy", "payment-service: no NetworkPolicy",
                        "limits-service: no NetworkPolicy", "notification-service: no NetworkPolicy");
    }

    @Test
    void shouldFailWhenATopicIsRemoved() {
        assertThat(violations("missing-topic.yaml")).containsExactly("no KafkaTopic for limits.events");
    }

    @Test
    void shouldFailWhenAnAclIsRemoved() {
        assertThat(violations("missing-acl.yaml")).singleElement().asString()
                .contains("KafkaUser/chatpay-payment-service: ACLs differ",
                        "missing [topic:limits.events:Describe, topic:limits.events:Read]", "extra []");
    }

    @Test
    void shouldFailWhenAServiceGetsAnAclItDoesNotNeed() {
        assertThat(violations("extra-acl.yaml")).singleElement().asString()
                .contains("KafkaUser/chatpay-notification-service", "missing []", "extra [topic:payments.events:Write]");
    }

    @Test
    void shouldFailOnAnUnknownKubernetesField() {
        assertThat(violations("unknown-field.yaml")).singleElement().asString()
                .startsWith("NetworkPolicy/chatpay-notification-service.spec.egress[3].to[0].ipBlock: ")
                .endsWith("unknown field(s) [exceptt]");
    }

    @Test
    void shouldFailOnASecretValueInTheChart() {
        assertThat(violations("literal-secret.yaml"))
                .contains("ConfigMap/chatpay-payment-service: secret-like key DB_PASSWORD must come from a Secret");
    }

    /**
     * PostgreSQL's default of 100 connections is below what the default values' services may open (7 pods with pools
     * of 16 + 2): the chart refuses to render, naming the value to raise.
     */
    @Test
    void shouldRefuseADatabaseThatCannotTakeEveryConnectionOfItsService() {
        assertThatThrownBy(() -> Chart.template(fixture("too-few-db-connections.yaml")))
                .hasMessageContaining("postgres.maxConnections (100) is below what limits-service's pods may open to"
                        + " their database (136");
    }

    /** The rendered objects' own check: a cluster whose max_connections was lowered after rendering is reported. */
    @Test
    void shouldReportAClusterThatCannotTakeEveryConnectionOfItsService() {
        List<HasMetadata> objects = Chart.render("values.yaml");
        GenericKubernetesResource payment = Policies.custom(objects, "Cluster").stream()
                .filter(c -> c.getMetadata().getName().equals("chatpay-payment-db")).findFirst().orElseThrow();
        Policies.map(Policies.map(Policies.spec(payment).get("postgresql")).get("parameters"))
                .put("max_connections", "100");

        assertThat(Policies.connectionBudget(objects))
                .containsExactly("payment-service: max_connections 100 below the 136 that 7 pods with pools of 16"
                        + " may open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-wrong-type.yaml", "schema-unknown-key.yaml", "schema-missing-required.yaml"})
    void shouldRejectWrongValuesWithTheSchema(String fixture) {
        assertThatThrownBy(() -> Chart.template(fixture(fixture)))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    private static List<String> violations(String fixture) {
        List<HasMetadata> objects = Chart.render("values.yaml", fixture(fixture));
        return Policies.all(objects, true);
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/broken", name).toAbsolutePath();
    }
}
