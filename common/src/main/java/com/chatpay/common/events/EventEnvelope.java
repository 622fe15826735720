package com.chatpay.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on every topic. {@code id} is the consumers'
 * de-duplication key; {@code subject} is the user whose order matters and is also the Kafka record key.
 */
public record EventEnvelope(
        String specversion,
        UUID id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** The {@code content-type} header of every Kafka record: a structured-mode CloudEvent. */
    public static final String KAFKA_CONTENT_TYPE = "application/cloudevents+json";
}
