package com.chatpay.onboarding.onboarding;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The facts of a payment profile a payment's authorization needs, in plain SQL, for the path every payment takes
 * (confirming it with the PIN) without a Hibernate session: the onboarding state, the country and the PIN's
 * verifier, never the identity or the address (the fields {@link PaymentProfileRepository} maps besides these stay
 * null). Such a profile is a plain object, never attached to a session; what a PIN check changes in it is written
 * back by {@link #savePinAttempts}, and nothing else of it is ever written.
 */
@ApplicationScoped
public class PaymentProfileRows {

    private static final String SELECT = "SELECT user_id, country, card_registered, pin_hash, pin_salt,"
            + " pin_iterations, pin_failed_attempts, phone_verified, locked_at, suspended, admitted_country,"
            + " updated_at FROM payment_profile WHERE user_id = $1";

    /**
     * The profile's facts, row-locked until the transaction ends (as {@link PaymentProfileRepository#lock}); or
     * null.
     */
    public Uni<PaymentProfile> lock(SqlConnection connection, String userId) {
        return connection.preparedQuery(SELECT + " FOR UPDATE").execute(Tuple.of(userId))
                .map(PaymentProfileRows::firstOrNull);
    }

    /** The profile's facts as the caller's transaction sees them, not locked; or null. */
    public Uni<PaymentProfile> find(SqlClient client, String userId) {
        return client.preparedQuery(SELECT).execute(Tuple.of(userId)).map(PaymentProfileRows::firstOrNull);
    }

    /** Writes what a PIN check changed in a profile read here: the count of wrong PINs, the lock, the update time. */
    public Uni<Void> savePinAttempts(SqlConnection connection, PaymentProfile profile) {
        return connection.preparedQuery("UPDATE payment_profile SET pin_failed_attempts = $2, locked_at = $3,"
                        + " updated_at = $4 WHERE user_id = $1")
                .execute(Tuple.of(profile.userId, profile.pinFailedAttempts, utc(profile.lockedAt),
                        utc(profile.updatedAt)))
                .replaceWithVoid();
    }

    private static PaymentProfile firstOrNull(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        PaymentProfile profile = new PaymentProfile();
        profile.userId = row.getString("user_id");
        profile.country = row.getString("country");
        profile.cardRegistered = row.getBoolean("card_registered");
        profile.pinHash = bytes(row, "pin_hash");
        profile.pinSalt = bytes(row, "pin_salt");
        profile.pinIterations = row.getInteger("pin_iterations");
        profile.pinFailedAttempts = row.getInteger("pin_failed_attempts");
        profile.phoneVerified = row.getBoolean("phone_verified");
        profile.lockedAt = instant(row, "locked_at");
        profile.suspended = row.getBoolean("suspended");
        profile.admittedCountry = row.getString("admitted_country");
        profile.updatedAt = instant(row, "updated_at");
        return profile;
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
