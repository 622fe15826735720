package com.chatpay.notification.push;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PushTokenRepository implements PanacheRepositoryBase<PushToken, String> {

    /**
     * Registers {@code token} for {@code userId}: new, refreshed (same user), or moved from the user who had the
     * device before (a token identifies a device, which now belongs to this user).
     */
    @WithSession
    public Uni<Void> upsert(String token, String userId, Platform platform, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO push_token (token, user_id, platform, registered_at, updated_at) "
                                + "VALUES (:token, :user, :platform, :now, :now) ON CONFLICT (token) DO UPDATE SET "
                                + "registered_at = CASE WHEN push_token.user_id = EXCLUDED.user_id "
                                + "THEN push_token.registered_at ELSE EXCLUDED.registered_at END, "
                                + "user_id = EXCLUDED.user_id, platform = EXCLUDED.platform, "
                                + "updated_at = EXCLUDED.updated_at")
                .setParameter("token", token)
                .setParameter("user", userId)
                .setParameter("platform", platform.name())
                .setParameter("now", now)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Keeps the {@code keep} most recently registered tokens of {@code userId}; returns how many it dropped. */
    @WithSession
    public Uni<Integer> keepNewest(String userId, int keep) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM push_token WHERE user_id = :user AND token NOT IN (SELECT token FROM push_token "
                                + "WHERE user_id = :user ORDER BY updated_at DESC, token LIMIT :keep)")
                .setParameter("user", userId)
                .setParameter("keep", keep)
                .executeUpdate());
    }

    /** A device to push to. */
    public record Device(String token, Platform platform) {
        @Override
        public String toString() {
            return "Device[" + platform + "]"; // a token is a secret of the device: never in a log line
        }
    }

    /**
     * The devices of each of {@code userIds} (absent: none), most recently registered first, in one statement on the
     * connection of a consuming transaction.
     */
    public Uni<Map<String, List<Device>>> ofUsers(SqlConnection connection, List<String> userIds) {
        return connection.preparedQuery("SELECT token, user_id, platform FROM push_token WHERE user_id = ANY($1)"
                        + " ORDER BY updated_at DESC, token")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Device>> found = new HashMap<>();
                    for (Row row : rows) {
                        found.computeIfAbsent(row.getString("user_id"), user -> new ArrayList<>())
                                .add(new Device(row.getString("token"), Platform.valueOf(row.getString("platform"))));
                    }
                    return found;
                });
    }
}
