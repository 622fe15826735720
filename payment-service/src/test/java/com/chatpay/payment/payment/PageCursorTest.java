package com.chatpay.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void shouldRoundTripAnOpaqueCursor() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-26T10:00:00.123456Z"), UUID.randomUUID());
        String encoded = cursor.encode();

        assertThat(encoded).doesNotContain("2026").doesNotContain("|");
        assertThat(PageCursor.decode(encoded)).contains(cursor);
    }

    @Test
    void shouldRefuseForeignCursors() {
        assertThat(PageCursor.decode("not a cursor")).isEmpty();
        assertThat(PageCursor.decode("bm90LWEtY3Vyc29y")).isEmpty();
    }

    @Test
    void shouldReadTheWaitPreference() {
        assertThat(PaymentResource.waitOf("wait=3")).contains(Duration.ofSeconds(3));
        assertThat(PaymentResource.waitOf("respond-async, wait=30")).contains(Duration.ofSeconds(10));
        assertThat(PaymentResource.waitOf("wait=0")).isEmpty();
        assertThat(PaymentResource.waitOf("handling=strict")).isEmpty();
        assertThat(PaymentResource.waitOf(null)).isEmpty();
    }
}
