package com.chatpay.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerGroupsTest {

    @Test
    void shouldFindTheGroupOfEveryIncomingChannel() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.messaging.incoming.limits-events.group.id", "payment-service.limits");
        config.put("mp.messaging.incoming.limits-events.topic", "limits.events");
        config.put("mp.messaging.incoming.onboarding-events.group.id", "payment-service.users");
        config.put("mp.messaging.incoming.replayed.group.id", "payment-service.users");
        config.put("mp.messaging.outgoing.sent.group.id", "not-a-consumer");
        config.put("mp.messaging.incoming.blank.group.id", " ");
        config.put("mp.messaging.incoming..group.id", "no-channel");
        config.put("kafka.group.id", "not-a-channel");

        assertThat(IdempotentConsumer.consumerGroups(config.keySet(), config::get))
                .containsExactly("payment-service.limits", "payment-service.users");
    }
}
