package com.chatpay.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    @Test
    void shouldGiveTheOutboxAndReadinessClientsTheSameSecuritySettingsAsTheChannels() {
        Map<String, Object> settings = KafkaClients.connectionSettings(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "auto.offset.reset", "earliest"));
        assertThat(settings).containsOnlyKeys("bootstrap.servers", "security.protocol", "sasl.mechanism",
                "sasl.jaas.config", "ssl.truststore.location");
    }

    @Test
    void shouldRefuseToStartWithoutBootstrapServers() {
        assertThatThrownBy(() -> KafkaClients.connectionSettings(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalStateException.class);
    }
}
