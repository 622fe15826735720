package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import com.chatpay.payment.payment.PaymentStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ledger's invariants (DESIGN §6 "money is conserved"), checked over booked lines and the payments they belong
 * to. It reports every violation instead of stopping at the first, so an audit shows the whole damage:
 * <ul>
 *   <li>the ledger balances: in each currency, debits = credits, overall and in every posting;</li>
 *   <li>a payment has at most one posting of each kind;</li>
 *   <li>for each payment, captured = paid out (net of payout reversals) + refunded + reversed, where an
 *       {@link PostingKind#ADJUSTMENT} ops booked stands for the refund of a REFUNDED payment and for the reversal of
 *       any other;</li>
 *   <li>the money matches the payment's state: a hold only while AWAITING_PAYEE, the amount paid out when COMPLETED,
 *       refunded when REFUNDED, nothing paid out otherwise;</li>
 *   <li>the commission is booked once per completed payment (when its country has one) and reversed on refund,
 *       and never for any other outcome.</li>
 * </ul>
 */
public final class LedgerInvariant {

    /** One booked line, as stored. */
    public record Line(UUID postingId, UUID paymentId, PostingKind kind, Account account, Side side, Money amount) {
    }

    /** What the ledger must agree with about a payment. */
    public record PaymentFacts(UUID paymentId, PaymentStatus status, Money amount, String country) {
    }

    private LedgerInvariant() {
    }

    /** The lines of a posting as they are stored. */
    public static List<Line> linesOf(UUID postingId, LedgerPosting posting) {
        return posting.entries().stream().map(e -> new Line(postingId, posting.paymentId(), posting.kind(),
                e.account(), e.side(), e.amount())).toList();
    }

    /** Every violation of the invariants; empty when the ledger is consistent. */
    public static List<String> violations(Collection<PaymentFacts> payments, Collection<Line> lines,
            CommissionSchedule commissions) {
        List<String> violations = new ArrayList<>();
        balanced(lines, violations);
        Map<UUID, List<Line>> byPayment = new HashMap<>();
        for (Line line : lines) {
            byPayment.computeIfAbsent(line.paymentId(), k -> new ArrayList<>()).add(line);
        }
        Set<UUID> known = new HashSet<>();
        for (PaymentFacts payment : payments) {
            known.add(payment.paymentId());
            paymentConsistent(payment, byPayment.getOrDefault(payment.paymentId(), List.of()), commissions,
                    violations);
        }
        for (UUID paymentId : byPayment.keySet()) {
            if (!known.contains(paymentId)) {
                violations.add("ledger lines for unknown payment " + paymentId);
            }
        }
        return violations;
    }

    private static void balanced(Collection<Line> lines, List<String> violations) {
        Map<String, Long> overall = new TreeMap<>();
        Map<UUID, Map<String, Long>> perPosting = new HashMap<>();
        for (Line line : lines) {
            long signed = line.side() == Side.DEBIT ? line.amount().value() : -line.amount().value();
            overall.merge(line.amount().currency(), signed, Math::addExact);
            perPosting.computeIfAbsent(line.postingId(), k -> new TreeMap<>())
                    .merge(line.amount().currency(), signed, Math::addExact);
        }
        overall.forEach((currency, net) -> {
            if (net != 0) {
                violations.add("the ledger does not balance in " + currency + ": debits - credits = " + net);
            }
        });
        perPosting.forEach((postingId, nets) -> nets.forEach((currency, net) -> {
            if (net != 0) {
                violations.add("posting " + postingId + " does not balance in " + currency);
            }
        }));
    }

    private static void paymentConsistent(PaymentFacts payment, List<Line> lines, CommissionSchedule commissions,
            List<String> violations) {
        String id = "payment " + payment.paymentId() + " (" + payment.status() + ")";
        String currency = payment.amount().currency();
        Map<PostingKind, Set<UUID>> postings = new EnumMap<>(PostingKind.class);
        Map<PostingKind, Long> moved = new EnumMap<>(PostingKind.class);
        for (Line line : lines) {
            postings.computeIfAbsent(line.kind(), k -> new HashSet<>()).add(line.postingId());
            if (line.kind() == PostingKind.COMMISSION || line.kind() == PostingKind.COMMISSION_REVERSAL) {
                continue;
            }
            if (!line.amount().currency().equals(currency)) {
                violations.add(id + ": " + line.kind() + " booked in " + line.amount().currency());
            } else if (line.side() == Side.DEBIT) {
                moved.merge(line.kind(), line.amount().value(), Long::sum);
            }
        }
        postings.forEach((kind, ids) -> {
            if (ids.size() > 1) {
                violations.add(id + ": " + ids.size() + " postings of " + kind);
            }
        });
        long captured = moved.getOrDefault(PostingKind.CAPTURE, 0L);
        long paidOut = moved.getOrDefault(PostingKind.PAYOUT, 0L) - moved.getOrDefault(PostingKind.PAYOUT_REVERSAL, 0L);
        long adjusted = moved.getOrDefault(PostingKind.ADJUSTMENT, 0L);
        boolean refundedPayment = payment.status() == PaymentStatus.REFUNDED;
        long refunded = moved.getOrDefault(PostingKind.REFUND, 0L) + (refundedPayment ? adjusted : 0);
        long reversed = moved.getOrDefault(PostingKind.REVERSAL, 0L) + (refundedPayment ? 0 : adjusted);
        long held = moved.getOrDefault(PostingKind.HOLD, 0L) - moved.getOrDefault(PostingKind.HOLD_RELEASE, 0L);
        if (captured != paidOut + refunded + reversed) {
            violations.add(id + ": captured " + captured + " != paid out " + paidOut + " + refunded " + refunded
                    + " + reversed " + reversed);
        }
        long amount = payment.amount().value();
        long expectedHeld = payment.status() == PaymentStatus.AWAITING_PAYEE ? amount : 0;
        if (held != expectedHeld) {
            violations.add(id + ": " + held + " still held on the payer's card, expected " + expectedHeld);
        }
        switch (payment.status()) {
            case COMPLETED -> {
                expect(violations, id, "captured", captured, amount);
                expect(violations, id, "paid out", paidOut, amount);
            }
            case REFUNDED -> {
                expect(violations, id, "captured", captured, amount);
                expect(violations, id, "refunded", refunded, amount);
                expect(violations, id, "paid out", paidOut, 0);
            }
            default -> {
                expect(violations, id, "paid out", paidOut, 0);
                expect(violations, id, "refunded", refunded, 0);
            }
        }
        int booked = postings.getOrDefault(PostingKind.COMMISSION, Set.of()).size();
        int given = postings.getOrDefault(PostingKind.COMMISSION_REVERSAL, Set.of()).size();
        boolean hasCommission = commissions.forCountry(payment.country()).isPresent();
        int expectedBooked = hasCommission && (payment.status() == PaymentStatus.COMPLETED
                || payment.status() == PaymentStatus.REFUNDED) ? 1 : 0;
        int expectedGiven = expectedBooked == 1 && payment.status() == PaymentStatus.REFUNDED ? 1 : 0;
        expect(violations, id, "commissions booked", booked, expectedBooked);
        expect(violations, id, "commissions reversed", given, expectedGiven);
    }

    private static void expect(List<String> violations, String id, String what, long actual, long expected) {
        if (actual != expected) {
            violations.add(id + ": " + what + " " + actual + ", expected " + expected);
        }
    }
}
