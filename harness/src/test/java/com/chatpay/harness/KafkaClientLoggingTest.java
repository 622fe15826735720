package com.chatpay.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The harness's Kafka clients log through SLF4J. Without a provider on its class path SLF4J printed three lines of
 * warning at the start of every {@code ./chatpay bench} ("No SLF4J providers were found") and dropped the clients'
 * errors; with one at its default level, the clients' routine warnings (a partition reassigned while a fetch was in
 * flight, a dozen per invariant check) buried the bench's table.
 */
class KafkaClientLoggingTest {

    @Test
    void shouldLogTheKafkaClientsErrorsButNotTheirRoutineWarnings() {
        assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);

        Logger kafka = LoggerFactory.getLogger(KafkaConsumer.class);
        assertThat(kafka.isErrorEnabled()).isTrue();
        assertThat(kafka.isWarnEnabled()).isFalse();
    }
}
