package com.chatpay.payment.refund;

import com.chatpay.common.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    private static final Sort OLDEST_FIRST = Sort.by("openedAt").and("id");

    /** The payment's open dispute, locked for update, or null. */
    public Uni<Dispute> openFor(UUID paymentId) {
        return find("paymentId = ?1 and status = ?2", paymentId, DisputeStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The payment a dispute is about, without loading the dispute (so it can be locked after the payment). */
    public Uni<UUID> paymentOf(UUID disputeId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select d.paymentId from Dispute d where d.id = :id", UUID.class)
                .setParameter("id", disputeId)
                .getSingleResultOrNull());
    }

    public Uni<Dispute> findForUpdate(UUID disputeId) {
        return findById(disputeId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Up to {@code max} disputes (of {@code status} if given), oldest first, after {@code after} if given. */
    public Uni<List<Dispute>> queue(DisputeStatus status, PageCursor after, int max) {
        StringBuilder query = new StringBuilder("1 = 1");
        var parameters = new java.util.HashMap<String, Object>();
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (after != null) {
            query.append(" and (openedAt > :at or (openedAt = :at and id > :id))");
            parameters.put("at", after.createdAt());
            parameters.put("id", after.id());
        }
        return find(query.toString(), OLDEST_FIRST, parameters).range(0, max - 1).list();
    }
}
