package com.chatpay.payment.payment;

import com.chatpay.common.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    /** The payment, locked for update until the transaction ends (transitions are serialised per payment). */
    public Uni<Payment> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Payments waiting for this payee, locked for update. */
    public Uni<List<Payment>> awaitingPayee(String payeeId) {
        return find("payeeId = ?1 and status = ?2", Sort.by("createdAt"), payeeId, PaymentStatus.AWAITING_PAYEE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** AWAITING_PAYEE payments whose wait ended at {@code now}, oldest first, locked for update. */
    public Uni<List<Payment>> expiredAwaitingPayee(Instant now, int max) {
        return find("status = ?1 and expiresAt <= ?2", Sort.by("expiresAt"), PaymentStatus.AWAITING_PAYEE, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, max - 1).list();
    }

    /**
     * The ids of payments in progress whose card-network step is due at {@code now}, oldest due first, not locked:
     * each is settled in a transaction of its own ({@code CardNetworkRetrySweeper}).
     */
    public Uni<List<UUID>> networkRetryDue(Instant now, int max) {
        return getSession().chain(session -> session.createSelectionQuery("select p.id from Payment p"
                        + " where p.networkRetryAt <= :now and p.status in :statuses order by p.networkRetryAt", UUID.class)
                .setParameter("now", now)
                .setParameter("statuses", List.of(PaymentStatus.PENDING, PaymentStatus.AWAITING_PAYEE))
                .setMaxResults(max)
                .getResultList());
    }

    /** Up to {@code max} payments sent (or received) by the user, newest first, after {@code after} if given. */
    public Uni<List<Payment>> history(String userId, boolean sent, PageCursor after, int max) {
        String party = sent ? "payerId" : "payeeId";
        if (after == null) {
            return find(party + " = ?1", NEWEST_FIRST, userId).range(0, max - 1).list();
        }
        return find(party + " = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))", NEWEST_FIRST,
                userId, after.createdAt(), after.id()).range(0, max - 1).list();
    }

    /** Up to {@code max} payments of any party (of {@code status} if given), newest first, after {@code after}. */
    public Uni<List<Payment>> all(PaymentStatus status, PageCursor after, int max) {
        StringBuilder query = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (after != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        return find(query.toString(), NEWEST_FIRST, parameters).range(0, max - 1).list();
    }
}
