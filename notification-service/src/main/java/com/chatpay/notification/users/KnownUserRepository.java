package com.chatpay.notification.users;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@WithSession
@ApplicationScoped
public class KnownUserRepository implements PanacheRepositoryBase<KnownUser, String> {

    /**
     * Inserts or updates a user; an older event never overwrites a newer one, and a missing name or locale keeps
     * the one already known.
     */
    public Uni<Void> upsert(String userId, String firstName, String locale, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO known_user (user_id, first_name, locale, updated_at) VALUES (:user, :name, :locale, :at) "
                                + "ON CONFLICT (user_id) DO UPDATE SET "
                                + "first_name = COALESCE(EXCLUDED.first_name, known_user.first_name), "
                                + "locale = COALESCE(EXCLUDED.locale, known_user.locale), "
                                + "updated_at = EXCLUDED.updated_at "
                                + "WHERE known_user.updated_at <= EXCLUDED.updated_at")
                .setParameter("user", userId)
                .setParameter("name", firstName)
                .setParameter("locale", locale)
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
