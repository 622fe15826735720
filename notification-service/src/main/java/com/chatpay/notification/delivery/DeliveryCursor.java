package com.chatpay.notification.delivery;

import com.chatpay.common.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the ops delivery list stops: the (createdAt, id) of its last row, the list being ordered by both,
 * newest first. Opaque to clients (base64url); times carry microseconds, the database's precision.
 */
public record DeliveryCursor(Instant createdAt, UUID id) {

    private static final String VERSION = "d1";

    public static DeliveryCursor after(Delivery last) {
        return new DeliveryCursor(last.createdAt(), last.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor this list issued; anything else is a 400 naming the {@code cursor} parameter. */
    public static DeliveryCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            return new DeliveryCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
                    UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.validation("cursor", "is not a cursor of this list");
    }
}
