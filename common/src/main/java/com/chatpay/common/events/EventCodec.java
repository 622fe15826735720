package com.chatpay.common.events;

import com.chatpay.common.ids.TimeOrderedIds;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

/**
 * Encodes payloads into CloudEvents envelopes and decodes them back, the same way for every producer and consumer.
 * Decoding is a tolerant reader: unknown fields are ignored, but every field of the registered schema must be
 * present unless the schema marks it {@link Nullable}.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private EventCodec() {
    }

    /** Wraps a registered payload in a new envelope with a fresh id. */
    public static EventEnvelope wrap(Record payload, String source, String subject, Instant time) {
        EventType type = EventType.of(payload);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, TimeOrderedIds.next(), type.typeName(), source, time,
                subject, EventEnvelope.CONTENT_TYPE, MAPPER.valueToTree(payload));
    }

    public static String toJson(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable: " + envelope.type(), e);
        }
    }

    /** Parses an envelope; anything that is not a well-formed CloudEvent of a known type is malformed. */
    public static EventEnvelope parse(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope", e);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.data() == null
                || envelope.data().isNull()) {
            throw new MalformedEventException("envelope without id, type or data", null);
        }
        return envelope;
    }

    /** The registered type of an envelope, or empty for types this version does not know (to be skipped). */
    public static java.util.Optional<EventType> typeOf(EventEnvelope envelope) {
        return EventType.byName(envelope.type());
    }

    /** Decodes the payload into its registered schema, checking required fields. */
    public static <T extends Record> T payload(EventEnvelope envelope, Class<T> expected) {
        EventType type = EventType.byName(envelope.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type(), null));
        if (!type.payloadType().equals(expected)) {
            throw new MalformedEventException("event " + envelope.type() + " is not a " + expected.getSimpleName(),
                    null);
        }
        T payload;
        try {
            payload = MAPPER.treeToValue(envelope.data(), expected);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload does not match " + type.typeName(), e);
        }
        requireFields(payload, type);
        return payload;
    }

    /** Decodes the payload into whatever its registered schema is. */
    public static Record payload(EventEnvelope envelope) {
        EventType type = EventType.byName(envelope.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type(), null));
        return payload(envelope, type.payloadType());
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Every record component is required except those marked {@link Nullable}. */
    private static void requireFields(Record payload, EventType type) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(Nullable.class)) {
                continue;
            }
            try {
                if (component.getAccessor().invoke(payload) == null) {
                    throw new MalformedEventException(type.typeName() + " without " + component.getName(), null);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
