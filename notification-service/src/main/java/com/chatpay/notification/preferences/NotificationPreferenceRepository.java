package com.chatpay.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@WithSession
@ApplicationScoped
public class NotificationPreferenceRepository implements PanacheRepositoryBase<NotificationPreference, String> {

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
