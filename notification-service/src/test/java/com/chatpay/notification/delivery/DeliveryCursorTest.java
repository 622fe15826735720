package com.chatpay.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import com.chatpay.notification.feed.FeedCursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryCursorTest {

    @Test
    void shouldRoundTripToTheMicrosecond() {
        DeliveryCursor cursor = new DeliveryCursor(Instant.parse("2026-11-26T21:00:00.123456Z"), UUID.randomUUID());
        assertThat(DeliveryCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void shouldRefuseAFeedCursorAndGarbage() {
        String feedCursor = new FeedCursor(Instant.now(), UUID.randomUUID()).encode();
        for (String bad : new String[] {feedCursor, "nope", ""}) {
            assertThatThrownBy(() -> DeliveryCursor.decode(bad)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor"));
        }
    }
}
