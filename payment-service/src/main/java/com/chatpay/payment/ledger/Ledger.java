package com.chatpay.payment.ledger;

import com.chatpay.common.ids.TimeOrderedIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Books postings in the caller's transaction, the one that also records the payment's transition, so the ledger and
 * the payments never disagree after a commit. A second posting of the same kind for a payment violates the table's
 * uniqueness and fails the transaction.
 */
@ApplicationScoped
public class Ledger {

    private final LedgerRepository entries;

    public Ledger(LedgerRepository entries) {
        this.entries = entries;
    }

    public Uni<Void> book(LedgerPosting posting) {
        UUID postingId = TimeOrderedIds.next();
        List<LedgerEntry> rows = posting.entries().stream().map(e -> LedgerEntry.of(postingId, posting, e)).toList();
        return entries.persist(rows);
    }

    /** The kinds of posting booked for the payment, in one query. */
    public Uni<Set<PostingKind>> bookedKinds(UUID paymentId) {
        return entries.kindsOf(paymentId);
    }

    /** The payment's posting of {@code kind}, if booked. */
    public Uni<Optional<LedgerPosting>> posting(UUID paymentId, PostingKind kind) {
        return entries.linesOf(paymentId, kind).map(rows -> rows.isEmpty()
                ? Optional.empty()
                : Optional.of(new LedgerPosting(paymentId, kind, rows.get(0).country(), rows.get(0).bookedAt(),
                        rows.stream().map(LedgerEntry::entry).toList())));
    }
}
