package com.chatpay.common.kafka;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers: a service that cannot publish or consume must not take traffic. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {

    private final KafkaClients kafka;

    public KafkaReadinessCheck(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> kafka.admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                        .nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named("kafka").status(!nodes.isEmpty())
                        .withData("brokers", nodes.size()).build())
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("kafka").down()
                        .withData("error", e.getClass().getSimpleName()).build());
    }
}
