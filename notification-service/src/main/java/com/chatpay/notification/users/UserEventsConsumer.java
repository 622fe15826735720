package com.chatpay.notification.users;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code onboarding.events}: learns names and locales from PaymentsActivated; other types are skipped. */
@ApplicationScoped
public class UserEventsConsumer {

    private final IdempotentConsumer consumer;
    private final UserDirectory directory;

    public UserEventsConsumer(IdempotentConsumer consumer, UserDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String json) {
        return consumer.consumeOnConnection(Topics.Groups.NOTIFICATION_USERS, json,
                Set.of(EventType.PAYMENTS_ACTIVATED), (connection, envelope) -> directory.remember(connection,
                        EventCodec.payload(envelope, PaymentsActivated.class)));
    }
}
