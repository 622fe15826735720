package com.chatpay.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With Kafka and PostgreSQL outside the cluster the chart renders no operator resources and keeps its rules. */
class ExternalInfrastructureTest {

    @Test
    void shouldUseExternalEndpointsAndKeepEveryServicePolicy() {
        List<HasMetadata> objects = Chart.render("values.yaml",
                Path.of("src/test/resources/external-kafka-and-postgres.yaml").toAbsolutePath());

        assertThat(objects).extracting(HasMetadata::getKind)
                .doesNotContain("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster");
        assertThat(StrictModel.unknownFields(objects)).isEmpty();
        assertThat(Policies.containers(objects)).isEmpty();
        assertThat(Policies.perService(objects)).isEmpty();
        assertThat(Policies.noSecretValues(objects)).isEmpty();

        ConfigMap payment = Policies.ofKind(objects, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("chatpay-payment-service")).findFirst().orElseThrow();
        assertThat(payment.getData()).containsEntry("KAFKA_BOOTSTRAP_SERVERS",
                        "kafka-1.internal.example:9092,kafka-2.internal.example:9092")
                .containsEntry("DB_HOST", "payment-db.internal.example");
        Deployment deployment = Policies.ofKind(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("chatpay-payment-service")).findFirst().orElseThrow();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().equals("DB_PASSWORD"))
                .singleElement().satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("payment-db-credentials"));
        NetworkPolicy policy = Policies.ofKind(objects, NetworkPolicy.class).stream()
                .filter(n -> n.getMetadata().getName().equals("chatpay-payment-service")).findFirst().orElseThrow();
        assertThat(policy.getSpec().getEgress()).flatExtracting(r -> r.getTo())
                .extracting(p -> p.getIpBlock() == null ? null : p.getIpBlock().getCidr())
                .contains("10.20.0.0/24", "10.30.0.12/32").doesNotContain("10.30.0.11/32");
    }

    @Test
    void shouldRefuseAnExternalDatabaseWithoutNetworkPolicyPeers() {
        assertThatThrownBy(() -> Chart.template(
                Path.of("src/test/resources/broken/external-postgres-without-egress.yaml").toAbsolutePath()))
                .hasMessageContaining("services.limits.database.egressTo (NetworkPolicy peers of its database) is required");
    }
}
