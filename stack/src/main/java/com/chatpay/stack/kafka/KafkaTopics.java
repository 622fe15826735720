package com.chatpay.stack.kafka;

import com.chatpay.common.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topics of the suite: every business topic of {@link Topics#ALL} with {@value #BUSINESS_PARTITIONS}
 * partitions, and one dead-letter topic per consumer group of {@link Topics.Groups#ALL} with
 * {@value #DEAD_LETTER_PARTITIONS}; replication factor 1 on the single local broker.
 */
public final class KafkaTopics {

    public static final int BUSINESS_PARTITIONS = 4;
    public static final int DEAD_LETTER_PARTITIONS = 1;
    private static final short REPLICATION_FACTOR = 1;

    private KafkaTopics() {
    }

    /** Every topic the stack creates, business topics first. */
    public static List<NewTopic> required() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, BUSINESS_PARTITIONS, REPLICATION_FACTOR));
        }
        for (String group : Topics.Groups.ALL) {
            topics.add(new NewTopic(Topics.deadLetter(group), DEAD_LETTER_PARTITIONS, REPLICATION_FACTOR));
        }
        return topics;
    }

    public static List<String> requiredNames() {
        return required().stream().map(NewTopic::name).toList();
    }

    /**
     * Creates the missing topics; existing ones are left as they are (also one created meanwhile by someone else).
     *
     * @return the names of the topics created now
     */
    public static List<String> ensure(Admin admin, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> created = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
        List<NewTopic> missing = required().stream().filter(t -> !existing.contains(t.name())).toList();
        if (missing.isEmpty()) {
            return created;
        }
        for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                result.getValue().get(left, TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }
}
