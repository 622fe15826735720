package com.chatpay.limits.usage;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.Topics;
import com.chatpay.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plays payment-service on the test broker and reads limits-service's answers. */
final class LimitsFixtures {

    private LimitsFixtures() {
    }

    static EventEnvelope envelope(Record payload, String payer) {
        return EventCodec.wrap(payload, "urn:chatpay:test", payer, Instant.now());
    }

    static void sendPaymentEvent(EventEnvelope envelope) {
        TestKafka.send(Topics.PAYMENTS_EVENTS, envelope.subject(), EventCodec.toJson(envelope));
    }

    /** The decisions limits-service published about a payment. */
    static List<EventEnvelope> decisionsFor(UUID paymentId, int atLeast) {
        return decisionsFor(paymentId, atLeast, Duration.ofSeconds(20));
    }

    /** Reads until {@code atLeast} decisions are seen or {@code timeout} passes. */
    static List<EventEnvelope> decisionsFor(UUID paymentId, int atLeast, Duration timeout) {
        return TestKafka.records(Topics.LIMITS_EVENTS, v -> v.contains(paymentId.toString()), atLeast, timeout)
                .stream().map(r -> EventCodec.parse(r.value())).toList();
    }
}
