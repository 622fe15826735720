package com.chatpay.payment.ledger;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the ledger over random histories: payments of random amounts and countries, random commission
 * schedules, each payment taking a random journey the settlement can take (rejected, failed at any card step, waiting
 * for its payee then expired, cancelled, declined or paid, completed, refunded) and booking its postings the way
 * {@code PaymentSettlement} does, steps replayed after outages included. Such a ledger always balances and satisfies
 * {@link LedgerInvariant} (captured = paid out + refunded + reversed, money matching each state, one commission per
 * completed payment); and any damage to it — a posting lost or booked twice, a line altered, a status that disagrees
 * with the money, a refund stopped half-way — is reported for that payment.
 */
class LedgerInvariantPropertiesTest {

    private static final int TRIES = 300;
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    /** The ways a payment ends in this history. */
    enum Journey {
        REJECTED_BY_LIMITS, FAILED_WITHOUT_CARD, HOLD_DECLINED, CAPTURE_DECLINED, PAYOUT_FAILED_AND_REVERSED,
        COMPLETED, AWAITING_PAYEE, EXPIRED, CANCELLED, DECLINED, COMPLETED_AFTER_WAITING, REFUNDED,
        REFUNDED_AFTER_WAITING
    }

    /** The ledger as booked: lines in booking order, and each payment's posting of each kind (booked once). */
    static final class Books {
        final List<LedgerInvariant.Line> lines = new ArrayList<>();
        final Map<UUID, Map<PostingKind, UUID>> postingIds = new HashMap<>();
        final Map<UUID, Map<PostingKind, LedgerPosting>> postings = new HashMap<>();
        final boolean replays;
        final SplittableRandom random;

        Books(SplittableRandom random) {
            this.random = random;
            this.replays = random.nextBoolean();
        }

        /** Books the posting unless the payment already has one of its kind, like {@code PaymentSettlement.book}. */
        void book(LedgerPosting posting) {
            for (int attempt = 0, n = replays && random.nextInt(4) == 0 ? 2 : 1; attempt < n; attempt++) {
                if (postings.computeIfAbsent(posting.paymentId(), k -> new EnumMap<>(PostingKind.class))
                        .containsKey(posting.kind())) {
                    continue;
                }
                UUID postingId = UUID.randomUUID();
                postings.get(posting.paymentId()).put(posting.kind(), posting);
                postingIds.computeIfAbsent(posting.paymentId(), k -> new EnumMap<>(PostingKind.class))
                        .put(posting.kind(), postingId);
                lines.addAll(LedgerInvariant.linesOf(postingId, posting));
            }
        }

        Optional<LedgerPosting> posting(UUID paymentId, PostingKind kind) {
            return Optional.ofNullable(postings.getOrDefault(paymentId, Map.of()).get(kind));
        }
    }

    /** A history: its payments (as the ledger audit sees them), the books, the schedule and each journey. */
    record History(List<LedgerInvariant.PaymentFacts> payments, Books books, CommissionSchedule commissions,
            Map<UUID, Journey> journeys) {
        @Override
        public String toString() {
            return journeys.size() + " payments " + journeys.values() + " with " + commissions + ", "
                    + books.lines.size() + " lines";
        }
    }

    @Test
    void shouldBalanceAndSatisfyEveryInvariantWhateverTheJourneysTheirAmountsAndReplays() {
        forAll(TRIES, LedgerInvariantPropertiesTest::history, String::valueOf, h -> {
            assertThat(LedgerInvariant.violations(h.payments(), h.books().lines, h.commissions())).isEmpty();
            Map<String, Long> net = new HashMap<>();
            for (LedgerInvariant.Line line : h.books().lines) {
                net.merge(line.amount().currency(), line.side() == Side.DEBIT ? line.amount().value()
                        : -line.amount().value(), Long::sum);
            }
            assertThat(net.values()).allMatch(v -> v == 0L);
            for (LedgerInvariant.PaymentFacts payment : h.payments()) {
                long captured = moved(h, payment, PostingKind.CAPTURE);
                long paidOut = moved(h, payment, PostingKind.PAYOUT) - moved(h, payment, PostingKind.PAYOUT_REVERSAL);
                long refunded = moved(h, payment, PostingKind.REFUND);
                long reversed = moved(h, payment, PostingKind.REVERSAL);
                assertThat(captured).isEqualTo(paidOut + refunded + reversed);
                assertThat(captured).isIn(0L, payment.amount().value());
            }
        });
    }

    @Test
    void shouldReportAnyLostPostingForItsPayment() {
        forAll(TRIES, LedgerInvariantPropertiesTest::historyWithPostings, String::valueOf, h -> {
            LedgerInvariant.Line victim = h.books().lines.get(h.books().random.nextInt(h.books().lines.size()));
            List<LedgerInvariant.Line> damaged = h.books().lines.stream()
                    .filter(l -> !l.postingId().equals(victim.postingId())).toList();
            assertThat(LedgerInvariant.violations(h.payments(), damaged, h.commissions()))
                    .as("without the %s of a %s payment", victim.kind(), h.journeys().get(victim.paymentId()))
                    .isNotEmpty().anyMatch(v -> v.contains(victim.paymentId().toString()));
        });
    }

    @Test
    void shouldReportAPostingBookedTwiceOrASingleAlteredLine() {
        forAll(TRIES, LedgerInvariantPropertiesTest::historyWithPostings, String::valueOf, h -> {
            List<LedgerInvariant.Line> lines = h.books().lines;
            LedgerInvariant.Line victim = lines.get(h.books().random.nextInt(lines.size()));
            List<LedgerInvariant.Line> twice = new ArrayList<>(lines);
            UUID again = UUID.randomUUID();
            lines.stream().filter(l -> l.postingId().equals(victim.postingId()))
                    .forEach(l -> twice.add(new LedgerInvariant.Line(again, l.paymentId(), l.kind(), l.account(),
                            l.side(), l.amount())));
            assertThat(LedgerInvariant.violations(h.payments(), twice, h.commissions()))
                    .anyMatch(v -> v.contains(victim.paymentId().toString()) && v.contains("postings of "));
            List<LedgerInvariant.Line> altered = new ArrayList<>(lines);
            altered.set(lines.indexOf(victim), new LedgerInvariant.Line(victim.postingId(), victim.paymentId(),
                    victim.kind(), victim.account(), victim.side(), Money.of(victim.amount().value() + 1,
                            victim.amount().currency())));
            assertThat(LedgerInvariant.violations(h.payments(), altered, h.commissions()))
                    .anyMatch(v -> v.contains("does not balance"));
        });
    }

    @Test
    void shouldReportAStatusThatDisagreesWithTheMoney() {
        forAll(TRIES, LedgerInvariantPropertiesTest::history, String::valueOf, h -> {
            SplittableRandom r = h.books().random;
            LedgerInvariant.PaymentFacts victim = h.payments().get(r.nextInt(h.payments().size()));
            PaymentStatus claimed = PaymentStatus.values()[r.nextInt(PaymentStatus.values().length)];
            if (moneyClass(claimed) == moneyClass(victim.status())) {
                return;
            }
            List<LedgerInvariant.PaymentFacts> claimedFacts = new ArrayList<>(h.payments());
            claimedFacts.set(h.payments().indexOf(victim),
                    new LedgerInvariant.PaymentFacts(victim.paymentId(), claimed, victim.amount(), victim.country()));
            assertThat(LedgerInvariant.violations(claimedFacts, h.books().lines, h.commissions()))
                    .as("%s claimed %s", victim.status(), claimed)
                    .anyMatch(v -> v.contains(victim.paymentId().toString()));
        });
    }

    @Test
    void shouldReportARefundStoppedAfterThePayoutReversalUntilItIsFinished() {
        forAll(TRIES, r -> {
            CommissionSchedule schedule = schedule(r);
            Books books = new Books(r);
            Payment payment = request(r, country(r));
            settle(payment, Journey.COMPLETED, books, schedule, r);
            return new Object[] {payment, books, schedule};
        }, a -> String.valueOf(((Payment) a[0]).amount()), a -> {
            Payment payment = (Payment) a[0];
            Books books = (Books) a[1];
            CommissionSchedule schedule = (CommissionSchedule) a[2];
            Instant now = payment.updatedAt().plusSeconds(60);
            books.book(LedgerPosting.payoutReversal(payment.id(), payment.payerCountry(), payment.amount(), now));
            // the payer's refund was refused: the payment stays COMPLETED and the money waits in platform clearing
            assertThat(LedgerInvariant.violations(List.of(facts(payment)), books.lines, schedule))
                    .anyMatch(v -> v.contains("paid out 0, expected " + payment.amount().value()));
            refundAfterPayoutReversal(payment, books, now.plusSeconds(60));
            assertThat(LedgerInvariant.violations(List.of(facts(payment)), books.lines, schedule)).isEmpty();
        });
    }

    // --- the settlement's bookings, journey by journey (as PaymentSettlement books them) ---

    private static void settle(Payment p, Journey journey, Books books, CommissionSchedule schedule,
            SplittableRandom r) {
        Instant at = p.createdAt().plusMillis(r.nextInt(1, 5000));
        UUID id = p.id();
        String country = p.payerCountry();
        Money amount = p.amount();
        switch (journey) {
            case REJECTED_BY_LIMITS -> p.reject("LIMIT_WINDOW_EXCEEDED", Money.zero(amount.currency()), at);
            case FAILED_WITHOUT_CARD, HOLD_DECLINED -> p.fail("CARD_DECLINED", at);
            default -> {
                books.book(LedgerPosting.hold(id, country, amount, at));
                boolean waits = EnumSet.of(Journey.AWAITING_PAYEE, Journey.EXPIRED, Journey.CANCELLED,
                        Journey.DECLINED, Journey.COMPLETED_AFTER_WAITING, Journey.REFUNDED_AFTER_WAITING)
                        .contains(journey);
                if (waits) {
                    p.awaitPayee(at.plus(Duration.ofDays(7)), at);
                    at = at.plusSeconds(r.nextInt(1, 600_000));
                }
                switch (journey) {
                    case AWAITING_PAYEE -> {
                    }
                    case EXPIRED, CANCELLED, DECLINED -> {
                        books.book(LedgerPosting.holdRelease(id, country, amount, at));
                        if (journey == Journey.EXPIRED) {
                            p.expire(at);
                        } else if (journey == Journey.CANCELLED) {
                            p.cancel(at);
                        } else {
                            p.decline(at);
                        }
                    }
                    case CAPTURE_DECLINED -> {
                        books.book(LedgerPosting.holdRelease(id, country, amount, at));
                        p.fail("CARD_DECLINED", at);
                    }
                    default -> {
                        books.book(LedgerPosting.holdRelease(id, country, amount, at));
                        books.book(LedgerPosting.capture(id, country, amount, at));
                        if (journey == Journey.PAYOUT_FAILED_AND_REVERSED) {
                            books.book(LedgerPosting.reversal(id, country, amount, at));
                            p.fail("PAYOUT_FAILED", at);
                            return;
                        }
                        books.book(LedgerPosting.payout(id, country, amount, at));
                        Instant completed = at;
                        schedule.forCountry(country).ifPresent(c ->
                                books.book(LedgerPosting.commission(id, country, c, completed)));
                        p.complete(at);
                        if (journey == Journey.REFUNDED || journey == Journey.REFUNDED_AFTER_WAITING) {
                            at = at.plusSeconds(r.nextInt(1, 100_000));
                            books.book(LedgerPosting.payoutReversal(id, country, amount, at));
                            refundAfterPayoutReversal(p, books, at);
                        }
                    }
                }
            }
        }
    }

    /** The payer's refund, then the commission given back (the one booked, whatever the schedule says now). */
    private static void refundAfterPayoutReversal(Payment p, Books books, Instant at) {
        books.book(LedgerPosting.refund(p.id(), p.payerCountry(), p.amount(), at));
        books.posting(p.id(), PostingKind.COMMISSION)
                .ifPresent(c -> books.book(LedgerPosting.commissionReversal(c, at)));
        p.refund(Payment.REFUNDED_BY_PAYEE, at);
    }

    // --- generators ---

    private static History history(SplittableRandom r) {
        CommissionSchedule schedule = schedule(r);
        Books books = new Books(r);
        Map<UUID, Journey> journeys = new LinkedHashMap<>();
        List<LedgerInvariant.PaymentFacts> facts = new ArrayList<>();
        for (int i = 0, n = r.nextInt(1, 9); i < n; i++) {
            Payment payment = request(r, country(r));
            Journey journey = Journey.values()[r.nextInt(Journey.values().length)];
            settle(payment, journey, books, schedule, r);
            journeys.put(payment.id(), journey);
            facts.add(facts(payment));
        }
        return new History(facts, books, schedule, journeys);
    }

    private static History historyWithPostings(SplittableRandom r) {
        History h = history(r);
        while (h.books().lines.isEmpty()) {
            h = history(r);
        }
        return h;
    }

    private static Payment request(SplittableRandom r, String country) {
        String currency = country.equals("US") ? "USD" : "EUR";
        long value = r.nextInt(6) == 0 ? r.nextLong(1, 3) : r.nextLong(1, 1_000_000_000L);
        return Payment.request(new UUID(r.nextLong(), r.nextLong()), "payer", "payee", "conv",
                Money.of(value, currency), null, country, T0.plusNanos(r.nextLong(0, 1_000_000_000_000L)));
    }

    private static String country(SplittableRandom r) {
        return r.nextBoolean() ? "FR" : "US";
    }

    /** FR and US each with or without a commission, in either direction. */
    private static CommissionSchedule schedule(SplittableRandom r) {
        Map<String, Commission> byCountry = new HashMap<>();
        for (String country : List.of("FR", "US")) {
            if (r.nextInt(3) > 0) {
                byCountry.put(country, new Commission(Money.of(r.nextLong(1, 500), country.equals("US") ? "USD"
                        : "EUR"), CommissionDirection.values()[r.nextInt(2)]));
            }
        }
        return new CommissionSchedule(byCountry);
    }

    private static LedgerInvariant.PaymentFacts facts(Payment p) {
        return new LedgerInvariant.PaymentFacts(p.id(), p.status(), p.amount(), p.payerCountry());
    }

    private static long moved(History h, LedgerInvariant.PaymentFacts payment, PostingKind kind) {
        return h.books().posting(payment.paymentId(), kind).map(p -> p.entries().get(0).amount().value()).orElse(0L);
    }

    /**
     * Statuses the ledger cannot tell apart share a class: the money of a payment is either nothing, a hold, paid
     * out or refunded.
     */
    private static int moneyClass(PaymentStatus status) {
        Set<PaymentStatus> nothing = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.REJECTED, PaymentStatus.FAILED,
                PaymentStatus.EXPIRED, PaymentStatus.CANCELLED, PaymentStatus.DECLINED);
        if (nothing.contains(status)) {
            return 0;
        }
        return switch (status) {
            case AWAITING_PAYEE -> 1;
            case COMPLETED -> 2;
            default -> 3;
        };
    }
}
