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

    /**
     * What counts against the window starting at {@code windowStart}: held reservations and recent consumptions, as
     * the two values the rules need. A projection, not entities: a payer's window holds up to
     * {@code max_payments_per_window} rows, and managed entities would be hydrated into the decision's session and
     * dirty-checked at its flush, a cost per row on every decision.
     */
    public Uni<List<LimitRules.Counted>> counted(String userId, Instant windowStart) {
        return getSession().chain(session -> session.createSelectionQuery("select r.amount, r.consumedAt"
                        + " from Reservation r where r.userId = :user"
                        + " and (r.status = :reserved or (r.status = :consumed and r.consumedAt >= :windowStart))",
                        Object[].class)
                .setParameter("user", userId)
                .setParameter("reserved", Reservation.Status.RESERVED)
                .setParameter("consumed", Reservation.Status.CONSUMED)
                .setParameter("windowStart", windowStart)
                .getResultList())
                // a RESERVED row has no consumedAt: it counts as reserved; a CONSUMED one always has it
                .map(rows -> rows.stream()
                        .map(row -> new LimitRules.Counted((Long) row[0], (Instant) row[1]))
                        .toList());
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
