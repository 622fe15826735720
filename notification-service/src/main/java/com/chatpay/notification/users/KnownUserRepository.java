package com.chatpay.notification.users;

import static com.chatpay.common.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code known_user} table, in plain SQL on the connection of a consuming transaction. */
@ApplicationScoped
public class KnownUserRepository {

    /** A row: the name and locale as stored (either may be null). */
    public record KnownUser(String userId, String firstName, String locale) {
    }

    /**
     * Inserts or updates a user; an older event never overwrites a newer one, and a missing name or locale keeps
     * the one already known.
     */
    public Uni<Void> upsert(SqlConnection connection, String userId, String firstName, String locale, Instant at) {
        return connection.preparedQuery("INSERT INTO known_user (user_id, first_name, locale, updated_at)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET"
                        + " first_name = COALESCE(EXCLUDED.first_name, known_user.first_name),"
                        + " locale = COALESCE(EXCLUDED.locale, known_user.locale),"
                        + " updated_at = EXCLUDED.updated_at"
                        + " WHERE known_user.updated_at <= EXCLUDED.updated_at")
                .execute(Tuple.tuple(Arrays.asList(userId, firstName, locale, utc(at))))
                .replaceWithVoid();
    }

    /** The rows of those of {@code userIds} who are known, in one statement. */
    public Uni<List<KnownUser>> find(SqlConnection connection, List<String> userIds) {
        return connection.preparedQuery("SELECT user_id, first_name, locale FROM known_user WHERE user_id = ANY($1)")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    List<KnownUser> found = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        found.add(new KnownUser(row.getString("user_id"), row.getString("first_name"),
                                row.getString("locale")));
                    }
                    return found;
                });
    }
}
