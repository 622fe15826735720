package com.chatpay.payment.ledger;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.chatpay.common.money.Money;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link LedgerPosting}: a posting is accepted exactly when, in every currency, its debits equal its
 * credits; every movement payment-service books moves its amount from one account to another and nets to zero; and a
 * commission reversal undoes its commission line for line, whatever the direction.
 */
class LedgerPostingPropertiesTest {

    private static final int TRIES = 1000;
    private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    private static final String[] CURRENCIES = {"EUR", "USD"};

    @Test
    void shouldAcceptAPostingExactlyWhenDebitsEqualCreditsInEveryCurrency() {
        forAll(TRIES, LedgerPostingPropertiesTest::entries, List::toString, entries -> {
            Map<String, BigInteger> net = new HashMap<>();
            for (LedgerPosting.Entry e : entries) {
                BigInteger value = BigInteger.valueOf(e.amount().value());
                net.merge(e.amount().currency(), e.side() == Side.DEBIT ? value : value.negate(), BigInteger::add);
            }
            boolean balanced = entries.size() >= 2 && net.values().stream().allMatch(v -> v.signum() == 0);
            Throwable thrown = catchThrowable(() -> new LedgerPosting(PAYMENT, PostingKind.CAPTURE, "FR", AT, entries));
            if (balanced) {
                assertThat(thrown).isNull();
            } else {
                assertThat(thrown).isInstanceOf(UnbalancedPostingException.class);
            }
        });
    }

    @Test
    void shouldMoveTheWholeAmountFromOneAccountToAnotherInEveryBookedMovement() {
        forAll(TRIES, r -> new Object[] {r.nextInt(9), Money.of(positive(r), CURRENCIES[r.nextInt(2)])},
                a -> "factory " + a[0] + " of " + a[1], a -> {
                    Money amount = (Money) a[1];
                    LedgerPosting posting = movement((int) a[0], amount);
                    assertThat(posting.entries()).hasSize(2);
                    Map<Account, Long> nets = new EnumMap<>(Account.class);
                    for (Account account : Account.values()) {
                        long net = posting.netOf(account, amount.currency());
                        if (net != 0) {
                            nets.put(account, net);
                        }
                        assertThat(posting.netOf(account, other(amount.currency()))).isZero();
                    }
                    assertThat(nets.values()).containsExactlyInAnyOrder(amount.value(), -amount.value());
                    assertThat(nets.keySet().stream().allMatch(Account::isMemo)
                            || nets.keySet().stream().noneMatch(Account::isMemo))
                            .as("memo accounts balance between themselves").isTrue();
                });
    }

    @Test
    void shouldUndoACommissionLineForLineWhateverItsDirection() {
        forAll(TRIES, r -> new Commission(Money.of(positive(r), CURRENCIES[r.nextInt(2)]),
                CommissionDirection.values()[r.nextInt(2)]), String::valueOf, commission -> {
                    LedgerPosting booked = LedgerPosting.commission(PAYMENT, "FR", commission, AT);
                    LedgerPosting reversal = LedgerPosting.commissionReversal(booked, AT.plusSeconds(60));
                    assertThat(reversal.kind()).isEqualTo(PostingKind.COMMISSION_REVERSAL);
                    for (Account account : Account.values()) {
                        String currency = commission.amount().currency();
                        assertThat(booked.netOf(account, currency) + reversal.netOf(account, currency)).isZero();
                    }
                    long platform = booked.netOf(Account.PLATFORM_COMMISSION, commission.amount().currency());
                    assertThat(platform).isEqualTo(commission.direction() == CommissionDirection.BANK_PAYS_PLATFORM
                            ? commission.amount().value() : -commission.amount().value());
                    assertThat(catchThrowable(() -> LedgerPosting.commissionReversal(reversal, AT)))
                            .isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void shouldRefuseAnEntryOrCommissionOfNoOrNegativeAmount() {
        forAll(TRIES, r -> r.nextBoolean() ? -r.nextLong(0, Long.MAX_VALUE) : r.nextLong(-3, 1), n -> "amount " + n,
                value -> {
                    Money amount = Money.of(value, "EUR");
                    assertThat(catchThrowable(() -> new LedgerPosting.Entry(Account.PAYER_FUNDING, Side.DEBIT, amount)))
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThat(catchThrowable(() -> LedgerPosting.capture(PAYMENT, "FR", amount, AT)))
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThat(catchThrowable(() -> new Commission(amount, CommissionDirection.PLATFORM_PAYS_BANK)))
                            .isInstanceOf(IllegalArgumentException.class);
                });
    }

    private static LedgerPosting movement(int factory, Money amount) {
        return switch (factory) {
            case 0 -> LedgerPosting.hold(PAYMENT, "FR", amount, AT);
            case 1 -> LedgerPosting.holdRelease(PAYMENT, "FR", amount, AT);
            case 2 -> LedgerPosting.capture(PAYMENT, "FR", amount, AT);
            case 3 -> LedgerPosting.payout(PAYMENT, "FR", amount, AT);
            case 4 -> LedgerPosting.reversal(PAYMENT, "FR", amount, AT);
            case 5 -> LedgerPosting.payoutReversal(PAYMENT, "FR", amount, AT);
            case 6 -> LedgerPosting.refund(PAYMENT, "FR", amount, AT);
            case 7 -> LedgerPosting.commission(PAYMENT, "FR",
                    new Commission(amount, CommissionDirection.PLATFORM_PAYS_BANK), AT);
            default -> LedgerPosting.commission(PAYMENT, "FR",
                    new Commission(amount, CommissionDirection.BANK_PAYS_PLATFORM), AT);
        };
    }

    /**
     * Entries in two currencies on random accounts: usually balanced pairs and splits, sometimes with one amount off
     * by a little, a side flipped or an entry dropped; now and then fewer than two entries.
     */
    private static List<LedgerPosting.Entry> entries(SplittableRandom r) {
        List<LedgerPosting.Entry> entries = new ArrayList<>();
        for (int i = 0, n = r.nextInt(0, 4); i < n; i++) {
            String currency = CURRENCIES[r.nextInt(2)];
            long total = r.nextLong(2, 1_000_000_000_000L);
            Side side = r.nextBoolean() ? Side.DEBIT : Side.CREDIT;
            entries.add(entry(r, side, total, currency));
            if (r.nextBoolean()) {
                long part = r.nextLong(1, total);
                entries.add(entry(r, side.opposite(), part, currency));
                entries.add(entry(r, side.opposite(), total - part, currency));
            } else {
                entries.add(entry(r, side.opposite(), total, currency));
            }
        }
        if (!entries.isEmpty() && r.nextInt(3) == 0) {
            int at = r.nextInt(entries.size());
            LedgerPosting.Entry e = entries.get(at);
            switch (r.nextInt(3)) {
                case 0 -> entries.set(at, new LedgerPosting.Entry(e.account(), e.side(),
                        Money.of(e.amount().value() + r.nextLong(1, 3), e.amount().currency())));
                case 1 -> entries.set(at, e.reversed());
                default -> entries.remove(at);
            }
        }
        java.util.Collections.shuffle(entries, new java.util.Random(r.nextLong()));
        return entries;
    }

    private static LedgerPosting.Entry entry(SplittableRandom r, Side side, long value, String currency) {
        return new LedgerPosting.Entry(Account.values()[r.nextInt(Account.values().length)], side,
                Money.of(value, currency));
    }

    private static long positive(SplittableRandom r) {
        return r.nextInt(5) == 0 ? Long.MAX_VALUE : r.nextLong(1, 1_000_000_000_000L);
    }

    private static String other(String currency) {
        return currency.equals("EUR") ? "USD" : "EUR";
    }
}
