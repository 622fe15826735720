package com.chatpay.common.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Plain Kafka clients for what SmallRye channels do not cover: the outbox relay's producer and readiness. */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> connection;
    private final String clientId;
    private volatile Admin admin;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "chatpay.service-name") String serviceName) {
        this.connection = connectionSettings(kafkaConfig);
        this.clientId = serviceName;
    }

    /**
     * How to reach the cluster, taken from the service's {@code kafka.*} configuration exactly as the SmallRye
     * channels get it: bootstrap servers and every security setting (TLS, SASL/SCRAM from the KafkaUser's Secret).
     */
    static Map<String, Object> connectionSettings(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("client.dns.lookup")) {
                settings.put(key, value);
            }
        });
        if (!settings.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("kafka.bootstrap.servers is not configured");
        }
        return Map.copyOf(settings);
    }

    /** An idempotent, fully acknowledged producer: per-partition order survives retries. */
    public KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(connection);
        config.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-outbox",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A shared admin client (lazily created). */
    public Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(connection);
                    config.putAll(Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
