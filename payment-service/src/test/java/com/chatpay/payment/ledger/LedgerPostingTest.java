package com.chatpay.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.LedgerPosting.Entry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerPostingTest {

    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Money AMOUNT = Money.of(2000, "EUR");
    private static final Commission TEN_CENTS_TO_BANK = new Commission(Money.of(10, "EUR"),
            CommissionDirection.PLATFORM_PAYS_BANK);

    @Test
    void shouldMoveTheMoneyOfEachStepBetweenTheRightAccounts() {
        assertMoves(LedgerPosting.capture(PAYMENT, "FR", AMOUNT, AT), Account.PAYER_FUNDING,
                Account.PLATFORM_CLEARING);
        assertMoves(LedgerPosting.payout(PAYMENT, "FR", AMOUNT, AT), Account.PLATFORM_CLEARING,
                Account.PAYEE_PAYOUT);
        assertMoves(LedgerPosting.reversal(PAYMENT, "FR", AMOUNT, AT), Account.PLATFORM_CLEARING,
                Account.PAYER_FUNDING);
        assertMoves(LedgerPosting.payoutReversal(PAYMENT, "FR", AMOUNT, AT), Account.PAYEE_PAYOUT,
                Account.PLATFORM_CLEARING);
        assertMoves(LedgerPosting.refund(PAYMENT, "FR", AMOUNT, AT), Account.PLATFORM_CLEARING,
                Account.PAYER_FUNDING);
    }

    @Test
    void shouldRecordHoldsOnMemoAccountsOnly() {
        LedgerPosting hold = LedgerPosting.hold(PAYMENT, "FR", AMOUNT, AT);
        LedgerPosting release = LedgerPosting.holdRelease(PAYMENT, "FR", AMOUNT, AT);

        assertThat(hold.entries()).allMatch(e -> e.account().isMemo());
        assertThat(hold.netOf(Account.PAYER_CARD_HOLD, "EUR")).isEqualTo(2000);
        assertThat(release.netOf(Account.PAYER_CARD_HOLD, "EUR")).isEqualTo(-2000);
    }

    @Test
    void shouldBookTheCommissionInTheConfiguredDirection() {
        LedgerPosting toBank = LedgerPosting.commission(PAYMENT, "FR", TEN_CENTS_TO_BANK, AT);
        LedgerPosting toPlatform = LedgerPosting.commission(PAYMENT, "FR",
                new Commission(Money.of(10, "EUR"), CommissionDirection.BANK_PAYS_PLATFORM), AT);

        assertThat(toBank.kind()).isEqualTo(PostingKind.COMMISSION);
        assertThat(toBank.netOf(Account.PLATFORM_COMMISSION, "EUR")).isEqualTo(-10);
        assertThat(toBank.netOf(Account.PAYER_BANK_COMMISSION, "EUR")).isEqualTo(10);
        assertThat(toPlatform.netOf(Account.PLATFORM_COMMISSION, "EUR")).isEqualTo(10);
        assertThat(toPlatform.netOf(Account.PAYER_BANK_COMMISSION, "EUR")).isEqualTo(-10);
    }

    @Test
    void shouldReverseACommissionExactlyAsItWasBooked() {
        LedgerPosting booked = LedgerPosting.commission(PAYMENT, "FR", TEN_CENTS_TO_BANK, AT);

        LedgerPosting reversal = LedgerPosting.commissionReversal(booked, AT.plusSeconds(60));

        assertThat(reversal.kind()).isEqualTo(PostingKind.COMMISSION_REVERSAL);
        assertThat(reversal.netOf(Account.PLATFORM_COMMISSION, "EUR")).isEqualTo(10);
        assertThat(reversal.netOf(Account.PAYER_BANK_COMMISSION, "EUR")).isEqualTo(-10);
        assertThatThrownBy(() -> LedgerPosting.commissionReversal(
                LedgerPosting.capture(PAYMENT, "FR", AMOUNT, AT), AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAPostingThatDoesNotBalance() {
        assertThatThrownBy(() -> new LedgerPosting(PAYMENT, PostingKind.CAPTURE, "FR", AT, List.of(
                new Entry(Account.PLATFORM_CLEARING, Side.DEBIT, AMOUNT),
                new Entry(Account.PAYER_FUNDING, Side.CREDIT, Money.of(1999, "EUR")))))
                .isInstanceOf(UnbalancedPostingException.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> new LedgerPosting(PAYMENT, PostingKind.CAPTURE, "FR", AT, List.of(
                new Entry(Account.PLATFORM_CLEARING, Side.DEBIT, AMOUNT),
                new Entry(Account.PAYER_FUNDING, Side.CREDIT, Money.of(2000, "USD")))))
                .isInstanceOf(UnbalancedPostingException.class);
        assertThatThrownBy(() -> new LedgerPosting(PAYMENT, PostingKind.CAPTURE, "FR", AT, List.of(
                new Entry(Account.PLATFORM_CLEARING, Side.DEBIT, AMOUNT))))
                .isInstanceOf(UnbalancedPostingException.class);
    }

    @Test
    void shouldRefuseEntriesThatAreNotPositive() {
        assertThatThrownBy(() -> new Entry(Account.PLATFORM_CLEARING, Side.DEBIT, Money.of(0, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerPosting.capture(PAYMENT, "FR", Money.of(-5, "EUR"), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Commission(Money.of(0, "EUR"), CommissionDirection.PLATFORM_PAYS_BANK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMoves(LedgerPosting posting, Account from, Account to) {
        assertThat(posting.entries()).containsExactlyInAnyOrder(new Entry(to, Side.DEBIT, AMOUNT),
                new Entry(from, Side.CREDIT, AMOUNT));
    }
}
