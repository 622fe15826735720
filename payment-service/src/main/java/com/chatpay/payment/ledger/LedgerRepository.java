package com.chatpay.payment.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** The lines of the payment's posting of {@code kind} (empty if none was booked). */
    public Uni<List<LedgerEntry>> linesOf(UUID paymentId, PostingKind kind) {
        return list("paymentId = ?1 and kind = ?2", paymentId, kind);
    }

    /** The kinds of posting booked for the payment (empty if none). */
    public Uni<Set<PostingKind>> kindsOf(UUID paymentId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select distinct e.kind from LedgerEntry e where e.paymentId = :payment", PostingKind.class)
                .setParameter("payment", paymentId)
                .getResultList())
                .map(kinds -> kinds.isEmpty() ? EnumSet.noneOf(PostingKind.class) : EnumSet.copyOf(kinds));
    }

    /**
     * FAILED payments whose capture stands: the payout failed and the network refused to reverse the capture, so the
     * payer is charged and nobody was paid (a FAILED payment is otherwise never captured, or its capture reversed),
     * and ops have not booked the settlement they made with the issuer (an ADJUSTMENT).
     */
    public Uni<Long> capturedAndFailed() {
        return nativeCount("""
                select count(*) from payment p where p.status = 'FAILED'
                  and exists (select 1 from ledger_entry c where c.payment_id = p.id and c.kind = 'CAPTURE')
                  and not exists (select 1 from ledger_entry r where r.payment_id = p.id
                                  and r.kind in ('REVERSAL', 'ADJUSTMENT'))""");
    }

    /**
     * Payments whose payout was taken back from the payee for a refund and whose payer was not refunded: the network
     * refused (or could not be reached for) the refund (both are booked in one transaction otherwise), and ops have not
     * booked the settlement they made with the issuer (an ADJUSTMENT).
     */
    public Uni<Long> takenBackAndNotRefunded() {
        return nativeCount("""
                select count(*) from ledger_entry t where t.kind = 'PAYOUT_REVERSAL' and t.side = 'DEBIT'
                  and not exists (select 1 from ledger_entry f
                                  where f.payment_id = t.payment_id and f.kind in ('REFUND', 'ADJUSTMENT'))""");
    }

    /** A count in plain SQL, not Panache's HQL {@code count}: the partial indexes of V4 are made for these shapes. */
    private static Uni<Long> nativeCount(String sql) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).getSingleResult());
    }

    /** Commission lines on the platform's account booked in [from, to), summed per country, currency, kind and side. */
    public Uni<List<CommissionTotal>> platformCommissions(Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select e.country, e.currency, e.kind, e.side, count(e), sum(e.amountValue) from LedgerEntry e"
                                + " where e.account = :account and e.kind in :kinds"
                                + " and e.bookedAt >= :from and e.bookedAt < :to"
                                + " group by e.country, e.currency, e.kind, e.side", Object[].class)
                .setParameter("account", Account.PLATFORM_COMMISSION)
                .setParameter("kinds", List.of(PostingKind.COMMISSION, PostingKind.COMMISSION_REVERSAL))
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new CommissionTotal((String) r[0], (String) r[1],
                        (PostingKind) r[2], (Side) r[3], ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                        .toList());
    }

    /** The sum of one country's commission lines of one kind and side. */
    public record CommissionTotal(String country, String currency, PostingKind kind, Side side, long lines,
            long amount) {
    }
}
