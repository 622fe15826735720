package com.chatpay.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void shouldRoundTripToTheMicrosecond() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2026-11-26T21:00:00.123456Z"), UUID.randomUUID());
        assertThat(FeedCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void shouldRefuseWhatItDidNotIssue() {
        for (String bad : new String[] {"not-a-cursor", "%%%", "",
                encode("n1:abc:" + UUID.randomUUID()), encode("n2:1:" + UUID.randomUUID()), encode("n1:1:nope")}) {
            assertThatThrownBy(() -> FeedCursor.decode(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor");
            });
        }
    }

    @Test
    void shouldBoundTheLimit() {
        assertThat(FeedPaging.limit(null)).isEqualTo(20);
        assertThat(FeedPaging.limit("1")).isEqualTo(1);
        assertThat(FeedPaging.limit("100")).isEqualTo(100);
        for (String bad : new String[] {"0", "101", "-1", "ten", "2.5"}) {
            assertThatThrownBy(() -> FeedPaging.limit(bad)).isInstanceOf(ApiException.class);
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
