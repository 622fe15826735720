package com.chatpay.common.paging;

import com.chatpay.common.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a list ordered by (createdAt, id), newest first, stops: the position of its last item. Clients see
 * it as an opaque base64url string naming the list it belongs to, so a cursor of one list is refused by another.
 * Times keep microseconds, PostgreSQL's precision, so a cursor never skips or repeats an item.
 */
public record PageCursor(Instant createdAt, UUID id) {

    public String encode(String list) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = list + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back for {@code list}; null or empty means the first page (null). Anything this
     * service did not issue for that list is a 400 naming the {@code cursor} parameter.
     */
    public static PageCursor decode(String list, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !list.equals(parts[0])) {
                throw invalid();
            }
            PageCursor decoded = new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
                    UUID.fromString(parts[2]));
            if (!decoded.encode(list).equals(cursor)) {
                // only the exact text issued: not a look-alike (sign, leading zeros, short or upper-case UUID, padding)
                throw invalid();
            }
            return decoded;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.validation("cursor", "is not a cursor of this list");
    }
}
