package com.chatpay.payment.ledger;

import com.chatpay.common.money.Money;
import java.util.Objects;

/** The fixed commission of one completed payment in a country: its amount and who pays it. */
public record Commission(Money amount, CommissionDirection direction) {

    public Commission {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(direction);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a commission must be positive");
        }
    }
}
