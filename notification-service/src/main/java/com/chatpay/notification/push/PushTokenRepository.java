package com.chatpay.notification.push;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@WithSession
@ApplicationScoped
public class PushTokenRepository implements PanacheRepositoryBase<PushToken, String> {

    /**
     * Registers {@code token} for {@code userId}: new, refreshed (same user), or moved from the user who had the
     * device before (a token identifies a device, which now belongs to this user).
     */
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
    public Uni<Integer> keepNewest(String userId, int keep) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM push_token WHERE user_id = :user AND token NOT IN (SELECT token FROM push_token "
                                + "WHERE user_id = :user ORDER BY updated_at DESC, token LIMIT :keep)")
                .setParameter("user", userId)
                .setParameter("keep", keep)
                .executeUpdate());
    }

    /** The tokens of each of {@code userIds} (absent: none), most recently registered first. */
    public Uni<Map<String, List<PushToken>>> ofUsers(List<String> userIds) {
        return list("userId in ?1 order by updatedAt desc, token", userIds).map(found -> found.stream()
                .collect(Collectors.groupingBy(t -> t.userId, LinkedHashMap::new, Collectors.toList())));
    }
}
