package com.chatpay.notification.sms;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code onboarding.sms}: one SMS per {@link SmsCodeRequested}; other types are skipped. */
@ApplicationScoped
public class SmsCodeConsumer {

    private final IdempotentConsumer consumer;
    private final SmsCodeService service;

    public SmsCodeConsumer(IdempotentConsumer consumer, SmsCodeService service) {
        this.consumer = consumer;
        this.service = service;
    }

    @Incoming("sms-requests")
    public Uni<Void> onSmsRequest(String json) {
        return consumer.consumeOnConnection(Topics.Groups.NOTIFICATION_SMS, json,
                Set.of(EventType.SMS_CODE_REQUESTED), (connection, envelope) -> service.sendCode(connection,
                        envelope.id(), envelope.time(), EventCodec.payload(envelope, SmsCodeRequested.class)));
    }
}
