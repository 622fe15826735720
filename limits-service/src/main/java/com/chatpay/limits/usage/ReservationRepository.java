package com.chatpay.limits.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, UUID> {

    /** What counts against the window starting at {@code windowStart}: held reservations and recent consumptions. */
    public Uni<List<Reservation>> counted(String userId, Instant windowStart) {
        return list("userId = ?1 and (status = ?2 or (status = ?3 and consumedAt >= ?4))", userId,
                Reservation.Status.RESERVED, Reservation.Status.CONSUMED, windowStart);
    }

    /**
     * Locks the user's row for the rest of the transaction (creating it on first sight), so that one user's
     * decisions are serialised whatever the number of instances and partitions.
     */
    public Uni<UserLimit> lockUser(String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO user_limit (user_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .setParameter("id", userId).executeUpdate())
                .chain(() -> Panache.getSession())
                .chain(session -> session.find(UserLimit.class, userId, LockModeType.PESSIMISTIC_WRITE));
    }
}
