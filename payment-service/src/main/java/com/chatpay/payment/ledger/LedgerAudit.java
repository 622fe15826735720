package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.LedgerInvariant.Line;
import com.chatpay.payment.ledger.LedgerInvariant.PaymentFacts;
import com.chatpay.payment.payment.PaymentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Checks the whole ledger against {@link LedgerInvariant} from one consistent snapshot (a repeatable-read
 * transaction), for ops after an incident and for the reliability suite after each fault. Reads every payment and
 * ledger line: an audit, not a request path.
 */
@ApplicationScoped
public class LedgerAudit {

    /** The outcome: how much was checked and every violation found (empty when the ledger is consistent). */
    public record Report(long payments, long lines, List<String> violations) {
    }

    private final CommissionSchedule commissions;

    public LedgerAudit(CommissionSchedule commissions) {
        this.commissions = commissions;
    }

    @WithTransaction
    public Uni<Report> audit() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate()
                .chain(() -> session.createSelectionQuery(
                        "select p.id, p.status, p.amountValue, p.currency, p.payerCountry from Payment p",
                        Object[].class).getResultList())
                .chain(rows -> {
                    List<PaymentFacts> payments = rows.stream().map(r -> new PaymentFacts((UUID) r[0],
                            (PaymentStatus) r[1], Money.of(((Number) r[2]).longValue(), (String) r[3]),
                            (String) r[4])).toList();
                    return session.createSelectionQuery("from LedgerEntry", LedgerEntry.class).getResultList()
                            .map(entries -> {
                                List<Line> lines = entries.stream().map(e -> new Line(e.postingId(), e.paymentId(),
                                        e.kind(), e.entry().account(), e.entry().side(), e.entry().amount())).toList();
                                return new Report(payments.size(), lines.size(),
                                        LedgerInvariant.violations(payments, lines, commissions));
                            });
                }));
    }
}
