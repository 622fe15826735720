package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One money movement of a payment, as balanced double-entry lines: in every currency, the debits equal the credits
 * (otherwise the posting is refused with {@link UnbalancedPostingException}). The factories are the only movements
 * payment-service books; {@code country} is the payer's, for per-country reporting.
 */
public record LedgerPosting(UUID paymentId, PostingKind kind, String country, Instant bookedAt, List<Entry> entries) {

    /** One line of a posting: an amount (positive) on one side of one account. */
    public record Entry(Account account, Side side, Money amount) {

        public Entry {
            Objects.requireNonNull(account);
            Objects.requireNonNull(side);
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a ledger entry amount must be positive");
            }
        }

        public Entry reversed() {
            return new Entry(account, side.opposite(), amount);
        }
    }

    public LedgerPosting {
        Objects.requireNonNull(paymentId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(country);
        Objects.requireNonNull(bookedAt);
        entries = List.copyOf(entries);
        if (entries.size() < 2) {
            throw new UnbalancedPostingException("a posting needs at least one debit and one credit");
        }
        Map<String, Long> balance = new HashMap<>();
        for (Entry e : entries) {
            balance.merge(e.amount().currency(), e.side() == Side.DEBIT ? e.amount().value() : -e.amount().value(),
                    Math::addExact);
        }
        balance.forEach((currency, net) -> {
            if (net != 0) {
                throw new UnbalancedPostingException(kind + " of payment " + paymentId + " does not balance in "
                        + currency + " (debits - credits = " + net + ")");
            }
        });
    }

    /** The payer's card is held for the amount (memo). */
    public static LedgerPosting hold(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.HOLD, country, at, Account.CARD_HOLDS_CONTRA, Account.PAYER_CARD_HOLD,
                amount);
    }

    /** The hold ends, captured or voided (memo). */
    public static LedgerPosting holdRelease(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.HOLD_RELEASE, country, at, Account.PAYER_CARD_HOLD,
                Account.CARD_HOLDS_CONTRA, amount);
    }

    /** The payer is charged: payer funding → platform clearing. */
    public static LedgerPosting capture(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.CAPTURE, country, at, Account.PAYER_FUNDING, Account.PLATFORM_CLEARING,
                amount);
    }

    /** The payee is paid: platform clearing → payee payout. */
    public static LedgerPosting payout(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.PAYOUT, country, at, Account.PLATFORM_CLEARING, Account.PAYEE_PAYOUT,
                amount);
    }

    /** The capture is given back after a failed payout: platform clearing → payer funding. */
    public static LedgerPosting reversal(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.REVERSAL, country, at, Account.PLATFORM_CLEARING, Account.PAYER_FUNDING,
                amount);
    }

    /** The payout is taken back from the payee's card: payee payout → platform clearing. */
    public static LedgerPosting payoutReversal(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.PAYOUT_REVERSAL, country, at, Account.PAYEE_PAYOUT,
                Account.PLATFORM_CLEARING, amount);
    }

    /** The payer's card is refunded: platform clearing → payer funding. */
    public static LedgerPosting refund(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.REFUND, country, at, Account.PLATFORM_CLEARING, Account.PAYER_FUNDING,
                amount);
    }

    /**
     * Ops settled with the issuer outside the network what the network refused to give back (a reversal or a refund):
     * platform clearing → payer funding.
     */
    public static LedgerPosting adjustment(UUID paymentId, String country, Money amount, Instant at) {
        return move(paymentId, PostingKind.ADJUSTMENT, country, at, Account.PLATFORM_CLEARING, Account.PAYER_FUNDING,
                amount);
    }

    /** The commission of a completed payment, in the direction the payer's country sets. */
    public static LedgerPosting commission(UUID paymentId, String country, Commission commission, Instant at) {
        return commission.direction() == CommissionDirection.PLATFORM_PAYS_BANK
                ? move(paymentId, PostingKind.COMMISSION, country, at, Account.PLATFORM_COMMISSION,
                        Account.PAYER_BANK_COMMISSION, commission.amount())
                : move(paymentId, PostingKind.COMMISSION, country, at, Account.PAYER_BANK_COMMISSION,
                        Account.PLATFORM_COMMISSION, commission.amount());
    }

    /** Gives back a booked commission: the same lines on the other sides, whatever the configuration says now. */
    public static LedgerPosting commissionReversal(LedgerPosting commission, Instant at) {
        if (commission.kind() != PostingKind.COMMISSION) {
            throw new IllegalArgumentException("only a commission can be reversed as a commission");
        }
        return new LedgerPosting(commission.paymentId(), PostingKind.COMMISSION_REVERSAL, commission.country(), at,
                commission.entries().stream().map(Entry::reversed).toList());
    }

    /** {@code amount} flows from {@code from} (credited) to {@code to} (debited). */
    private static LedgerPosting move(UUID paymentId, PostingKind kind, String country, Instant at, Account from,
            Account to, Money amount) {
        return new LedgerPosting(paymentId, kind, country, at,
                List.of(new Entry(to, Side.DEBIT, amount), new Entry(from, Side.CREDIT, amount)));
    }

    /** The net amount this posting moves into {@code account} (debits − credits), in {@code currency}. */
    public long netOf(Account account, String currency) {
        long net = 0;
        for (Entry e : entries) {
            if (e.account() == account && e.amount().currency().equals(currency)) {
                net += e.side() == Side.DEBIT ? e.amount().value() : -e.amount().value();
            }
        }
        return net;
    }
}
