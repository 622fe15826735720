package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.LedgerInvariant.Line;
import com.chatpay.payment.ledger.LedgerInvariant.PaymentFacts;
import com.chatpay.payment.payment.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Checks the whole ledger against {@link LedgerInvariant} from one consistent snapshot (a repeatable-read
 * transaction), for ops after an incident and for the reliability suite after each fault. An audit, not a request
 * path: it reads every payment and ledger line, a page of {@value #PAGE} payments (and their lines, as plain tuples)
 * at a time, so its memory does not grow with the ledger: reading the whole ledger at once ran a service sized for
 * its hot path (160 MB of heap) out of memory at about 18,000 payments. Every line belongs to a payment (a foreign
 * key), so reading the lines of each page of payments reads them all.
 */
@ApplicationScoped
public class LedgerAudit {

    static final int PAGE = 1000;

    /** The outcome: how much was checked and every violation found (empty when the ledger is consistent). */
    public record Report(long payments, long lines, List<String> violations) {
    }

    private final CommissionSchedule commissions;
    private volatile int pageSize = PAGE;

    public LedgerAudit(CommissionSchedule commissions) {
        this.commissions = commissions;
    }

    /** Tests: pages of {@code size} payments, to check the paging with a few. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    @WithTransaction
    public Uni<Report> audit() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate()
                .chain(() -> pages(session, null, new Report(0, 0, new ArrayList<>()))));
    }

    /** Checks the payments after {@code after} (by id), a page at a time, adding to {@code sofar}. */
    private Uni<Report> pages(Mutiny.Session session, UUID after, Report sofar) {
        var query = session.createSelectionQuery("select p.id, p.status, p.amountValue, p.currency, p.payerCountry"
                + " from Payment p" + (after == null ? "" : " where p.id > :after") + " order by p.id", Object[].class);
        if (after != null) {
            query.setParameter("after", after);
        }
        int size = pageSize;
        return query.setMaxResults(size).getResultList().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(sofar);
            }
            List<PaymentFacts> payments = rows.stream().map(r -> new PaymentFacts((UUID) r[0], (PaymentStatus) r[1],
                    Money.of(((Number) r[2]).longValue(), (String) r[3]), (String) r[4])).toList();
            List<UUID> ids = payments.stream().map(PaymentFacts::paymentId).toList();
            return session.createSelectionQuery("select e.postingId, e.paymentId, e.kind, e.account, e.side,"
                            + " e.amountValue, e.currency from LedgerEntry e where e.paymentId in :ids", Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .chain(entries -> {
                        List<Line> lines = entries.stream().map(r -> new Line((UUID) r[0], (UUID) r[1],
                                (PostingKind) r[2], (Account) r[3], (Side) r[4],
                                Money.of(((Number) r[5]).longValue(), (String) r[6]))).toList();
                        // every posting belongs to one payment: a page balances unless one of its postings does not
                        sofar.violations().addAll(LedgerInvariant.violations(payments, lines, commissions));
                        Report next = new Report(sofar.payments() + payments.size(), sofar.lines() + lines.size(),
                                sofar.violations());
                        return rows.size() < size ? Uni.createFrom().item(next)
                                : pages(session, ids.get(ids.size() - 1), next);
                    });
        });
    }
}
