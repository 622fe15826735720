package com.chatpay.stack.kafka;

import com.chatpay.common.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    Path tmp;

    @Test
    void shouldConfigureASingleCombinedNodeOnLoopbackOnly() throws Exception {
        KafkaBroker broker = new KafkaBroker(tmp, tmp.resolve("kafka.log"), 19092, 19093, "lib/*");

        Properties config = new Properties();
        config.load(new StringReader(broker.serverConfiguration()));

        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(config.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("log.dirs")).isEqualTo(tmp.resolve("data").toString());
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void shouldRequireEveryBusinessTopicAndOneDeadLetterTopicPerGroup() {
        assertThat(KafkaTopics.required()).hasSize(Topics.ALL.size() + Topics.Groups.ALL.size());
        for (String topic : Topics.ALL) {
            assertThat(KafkaTopics.required()).filteredOn(t -> t.name().equals(topic)).singleElement()
                    .satisfies(t -> {
                        assertThat(t.numPartitions()).isEqualTo(4);
                        assertThat(t.replicationFactor()).isEqualTo((short) 1);
                    });
        }
        for (String group : Topics.Groups.ALL) {
            assertThat(KafkaTopics.required()).filteredOn(t -> t.name().equals(group + ".dlq")).singleElement()
                    .extracting(NewTopic::numPartitions).isEqualTo(1);
        }
    }
}
