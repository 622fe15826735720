package com.chatpay.reliability.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.load.OutcomeWatcher;
import com.chatpay.reliability.ReliabilityStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The bench's outcome watcher shares the machine with what it measures: while nothing arrives it must not keep asking
 * the broker (a 5 ms fetch wait cost a quarter of a core in the bench and as much in the broker), and it must still
 * see a payment's outcome as soon as the event is published, not at the end of a fetch's wait. Run against the
 * stack's real broker, on a scratch topic no service reads.
 */
class OutcomeWatcherTests {

    private static final int SAMPLES = 5;

    @Test
    void shouldSeeEachOutcomeAsSoonAsItIsPublishedWithoutPollingTheBrokerMeanwhile() throws Exception {
        String bootstrap = ReliabilityStack.get().kafkaBootstrapServers();
        String topic = "harness.watcher-test." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (OutcomeWatcher watcher = new OutcomeWatcher(bootstrap, topic);
                 KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                         new StringSerializer(), new StringSerializer())) {
                long before = watcher.fetchRequests();
                Thread.sleep(3_000);
                long idle = watcher.fetchRequests() - before;
                // the broker's 500 ms wait: about 6 requests in 3 s (a 5 ms wait made hundreds)
                assertThat(idle).as("fetch requests in 3 s with nothing to read").isLessThanOrEqualTo(12);

                // each record lands while a fetch is waiting at the broker; it must be answered then, not at the end
                // of its wait. The pauses are random so that, were it not, each delay would fall anywhere in the
                // 500 ms wait: all five under 250 ms by chance once in 32 (a fixed pause hits the same point of the
                // wait each time)
                List<Duration> delays = new ArrayList<>();
                for (int i = 0; i < SAMPLES; i++) {
                    Thread.sleep(500 + ThreadLocalRandom.current().nextInt(500));
                    String paymentId = UUID.randomUUID().toString();
                    var outcome = watcher.outcomeOf(paymentId);
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, paymentId, "{\"type\":\"PaymentCompleted\","
                            + "\"data\":{\"paymentId\":\"" + paymentId + "\"}}")).get(10, TimeUnit.SECONDS);
                    OutcomeWatcher.Outcome seen = outcome.get(10, TimeUnit.SECONDS);
                    assertThat(seen.type()).isEqualTo("PaymentCompleted");
                    delays.add(Duration.ofNanos(seen.seenAtNanos() - sent));
                }
                assertThat(delays).as("from publishing to seeing each outcome")
                        .allSatisfy(delay -> assertThat(delay).isLessThan(Duration.ofMillis(250)));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
