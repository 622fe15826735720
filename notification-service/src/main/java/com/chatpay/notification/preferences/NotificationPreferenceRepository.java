package com.chatpay.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class NotificationPreferenceRepository implements PanacheRepositoryBase<NotificationPreference, String> {

    /**
     * The preferences of each of {@code userIds} (absent: the defaults), in one statement on the connection of a
     * consuming transaction.
     */
    public Uni<Map<String, PreferencesView>> ofUsers(SqlConnection connection, List<String> userIds) {
        return connection.preparedQuery("SELECT user_id, mute_payments_received FROM notification_preference"
                        + " WHERE user_id = ANY($1)")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PreferencesView> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("user_id"),
                                new PreferencesView(row.getBoolean("mute_payments_received")));
                    }
                    return found;
                });
    }

    @WithSession
    public Uni<Void> upsert(String userId, boolean mutePaymentsReceived, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO notification_preference (user_id, mute_payments_received, updated_at) "
                                + "VALUES (:user, :mute, :now) ON CONFLICT (user_id) DO UPDATE SET "
                                + "mute_payments_received = EXCLUDED.mute_payments_received, "
                                + "updated_at = EXCLUDED.updated_at")
                .setParameter("user", userId)
                .setParameter("mute", mutePaymentsReceived)
                .setParameter("now", now)
                .executeUpdate())
                .replaceWithVoid();
    }
}
