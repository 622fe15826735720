package com.chatpay.common.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the reactive PostgreSQL client, which binds and reads a timestamptz as an OffsetDateTime. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** {@code instant} as a timestamptz parameter; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The timestamptz {@code column} of {@code row}; null stays null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
