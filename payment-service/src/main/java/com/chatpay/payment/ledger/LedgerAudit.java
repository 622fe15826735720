package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.LedgerInvariant.Line;
import com.chatpay.payment.ledger.LedgerInvariant.PaymentFacts;
import com.chatpay.payment.payment.PaymentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks the whole ledger against {@link LedgerInvariant} from one consistent snapshot (a repeatable-read
 * transaction), for ops after an incident and for the reliability suite after each fault. An audit, not a request
 * path: it reads every payment and ledger line, a page of {@value #PAGE} payments (and their lines) at a time, so its
 * memory does not grow with the ledger: reading the whole ledger at once ran a service sized for its hot path (160 MB
 * of heap) out of memory at about 18,000 payments. Every line belongs to a payment (a foreign key), so reading the
 * lines of each page of payments reads them all.
 *
 * The page is small so that the page being checked fits the young generation's survivor space: pages of 1,000
 * (~10,000 lines) were promoted into the old generation at each young collection, and a full audit of 113,000
 * payments took 14 full collections and grew payment-service's heap to near its ceiling. It reads through the
 * reactive SQL client, not Hibernate: the rows are plain values, and Hibernate's query processing of the same rows
 * doubled the allocation and the time (README, Performance).
 */
@ApplicationScoped
public class LedgerAudit {

    static final int PAGE = 250;

    private static final String FIRST_PAYMENTS = "SELECT id, status, amount_value, currency, payer_country"
            + " FROM payment ORDER BY id LIMIT $1";
    private static final String NEXT_PAYMENTS = "SELECT id, status, amount_value, currency, payer_country"
            + " FROM payment WHERE id > $2 ORDER BY id LIMIT $1";
    private static final String LINES = "SELECT posting_id, payment_id, kind, account, side, amount_value, currency"
            + " FROM ledger_entry WHERE payment_id = ANY($1)";

    /** At most this many violations are listed; {@link Report#violationCount} counts them all. */
    static final int LISTED = 1_000;

    /**
     * The outcome: how much was checked, how many violations were found and the first {@value #LISTED} of them (both
     * empty when the ledger is consistent), so a badly broken ledger does not answer with a list as long as itself.
     */
    public record Report(long payments, long lines, long violationCount, List<String> violations) {
    }

    private final CommissionSchedule commissions;
    private final Pool pool;
    private volatile int pageSize = PAGE;
    private volatile int listed = LISTED;

    public LedgerAudit(CommissionSchedule commissions, Pool pool) {
        this.commissions = commissions;
        this.pool = pool;
    }

    /** Tests: pages of {@code size} payments, to check the paging with a few. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    /** Tests: list at most {@code count} violations. */
    void listed(int count) {
        this.listed = count;
    }

    public Uni<Report> audit() {
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .execute()
                .chain(() -> pages(conn, null, new Report(0, 0, 0, new ArrayList<>()))));
    }

    /** Checks the payments after {@code after} (by id), a page at a time, adding to {@code sofar}. */
    private Uni<Report> pages(SqlConnection conn, UUID after, Report sofar) {
        int size = pageSize;
        Uni<RowSet<Row>> page = after == null
                ? conn.preparedQuery(FIRST_PAYMENTS).execute(Tuple.of(size))
                : conn.preparedQuery(NEXT_PAYMENTS).execute(Tuple.of(size, after));
        return page.chain(rows -> {
            List<PaymentFacts> payments = new ArrayList<>(rows.size());
            for (Row r : rows) {
                payments.add(new PaymentFacts(r.getUUID(0), PaymentStatus.valueOf(r.getString(1)),
                        Money.of(r.getLong(2), r.getString(3)), r.getString(4)));
            }
            if (payments.isEmpty()) {
                return Uni.createFrom().item(sofar);
            }
            UUID[] ids = payments.stream().map(PaymentFacts::paymentId).toArray(UUID[]::new);
            return conn.preparedQuery(LINES).execute(Tuple.of(ids)).chain(entries -> {
                List<Line> lines = new ArrayList<>(entries.size());
                for (Row r : entries) {
                    lines.add(new Line(r.getUUID(0), r.getUUID(1), PostingKind.valueOf(r.getString(2)),
                            Account.valueOf(r.getString(3)), Side.valueOf(r.getString(4)),
                            Money.of(r.getLong(5), r.getString(6))));
                }
                // every posting belongs to one payment: a page balances unless one of its postings does not
                List<String> found = LedgerInvariant.violations(payments, lines, commissions);
                int room = Math.max(0, listed - sofar.violations().size());
                sofar.violations().addAll(found.subList(0, Math.min(room, found.size())));
                Report next = new Report(sofar.payments() + payments.size(), sofar.lines() + lines.size(),
                        sofar.violationCount() + found.size(), sofar.violations());
                return payments.size() < size ? Uni.createFrom().item(next)
                        : pages(conn, ids[ids.length - 1], next);
            });
        });
    }
}
