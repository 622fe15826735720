package com.chatpay.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type has a canonical sample under {@code contracts/}: consumers must decode it, and producers must
 * encode the decoded payload back to exactly that JSON. A new event type without a sample, or a schema change
 * that breaks the published shape, fails here.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sample(EventType type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/contracts/" + type.typeName() + ".json")) {
            assertThat(in).as("contract sample for %s", type.typeName()).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static EventEnvelope envelopeOf(EventType type, JsonNode data) {
        return new EventEnvelope("1.0", java.util.UUID.randomUUID(), type.typeName(), "urn:chatpay:test",
                Instant.parse("2026-11-26T10:15:30Z"), "alice", "application/json", data);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDecodeTheCanonicalSampleAndEncodeItBackIdentically(EventType type) throws IOException {
        JsonNode sample = sample(type);
        Record payload = EventCodec.payload(envelopeOf(type, sample));
        assertThat(payload).isInstanceOf(type.payloadType());

        EventEnvelope produced = EventCodec.wrap(payload, "urn:chatpay:test", "alice", Instant.now());
        assertThat(produced.type()).isEqualTo(type.typeName());
        // time-ordered: the inbox records consumers key by it append to their index
        assertThat(produced.id().version()).isEqualTo(7);
        assertThat(JSON.readTree(produced.data().toString())).isEqualTo(sample);

        EventEnvelope roundTrip = EventCodec.parse(EventCodec.toJson(produced));
        assertThat(EventCodec.payload(roundTrip)).isEqualTo(payload);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldRefuseASampleWithoutARequiredField(EventType type) throws IOException {
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            if (component.isAnnotationPresent(Nullable.class)) {
                continue;
            }
            ObjectNode broken = (ObjectNode) sample(type).deepCopy();
            broken.remove(component.getName());
            assertThatThrownBy(() -> EventCodec.payload(envelopeOf(type, broken)))
                    .as("%s without %s", type.typeName(), component.getName())
                    .isInstanceOf(MalformedEventException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldIgnoreUnknownFieldsAsATolerantReader(EventType type) throws IOException {
        ObjectNode extended = (ObjectNode) sample(type).deepCopy();
        extended.put("addedInALaterVersion", "x");
        assertThat(EventCodec.payload(envelopeOf(type, extended))).isInstanceOf(type.payloadType());
    }

    @org.junit.jupiter.api.Test
    void shouldRejectSomethingThatIsNotACloudEvent() {
        assertThatThrownBy(() -> EventCodec.parse("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.parse("{\"id\":\"7d8f6a2e-1c4b-4f7e-9a51-3b2c9d0e8f14\"}"))
                .isInstanceOf(MalformedEventException.class);
    }
}
