package com.chatpay.payment.ledger;

/** The side of a ledger entry. */
public enum Side {
    DEBIT,
    CREDIT;

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }
}
