package com.chatpay.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void shouldRoundTripWithMicrosecondPrecision() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-26T21:00:00.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.decode("feed", cursor.encode("feed"))).isEqualTo(cursor);
        assertThat(PageCursor.decode("feed", null)).isNull();
        assertThat(PageCursor.decode("feed", "")).isNull();
    }

    @Test
    void shouldRefuseAnotherListsCursorAndGarbageAsA400OnTheCursorParameter() {
        String other = new PageCursor(Instant.now(), UUID.randomUUID()).encode("deliveries");
        for (String bad : new String[] {other, "not base64!", "Zm9v", "ZmVlZDp4Onk"}) {
            assertThatThrownBy(() -> PageCursor.decode("feed", bad)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("cursor"));
            });
        }
    }
}
