package com.chatpay.notification;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import java.time.Instant;

/** CloudEvents for feeding the consumers, encoded with the shared codec like every producer. */
public final class Events {

    private Events() {
    }

    public static String json(Record payload, String subject) {
        return EventCodec.toJson(envelope(payload, subject));
    }

    public static EventEnvelope envelope(Record payload, String subject) {
        return EventCodec.wrap(payload, "urn:chatpay:test", subject, Instant.now());
    }
}
