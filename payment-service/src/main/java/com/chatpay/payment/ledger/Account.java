package com.chatpay.payment.ledger;

/**
 * The accounts of payment-service's double-entry ledger. Money flows from the credited
 * account to the debited one. The two memo accounts record card holds, which are not yet money: they balance between
 * themselves and are released when the hold is captured or voided.
 */
public enum Account {
    /** Memo: the amount held on payer cards. */
    PAYER_CARD_HOLD(true),
    /** Memo: the other side of the holds. */
    CARD_HOLDS_CONTRA(true),
    /** Where payer money comes from (the payer's card and issuer); refunds and reversals go back to it. */
    PAYER_FUNDING(false),
    /** Money the platform holds between the capture and the payout (or its reversal or refund). */
    PLATFORM_CLEARING(false),
    /** Money pushed to payee cards. */
    PAYEE_PAYOUT(false),
    /** The platform's side of commissions: debited with what it receives, credited with what it pays. */
    PLATFORM_COMMISSION(false),
    /** The payer's bank's side of commissions: debited with what it receives, credited with what it pays. */
    PAYER_BANK_COMMISSION(false);

    private final boolean memo;

    Account(boolean memo) {
        this.memo = memo;
    }

    public boolean isMemo() {
        return memo;
    }
}
