package com.chatpay.payment.payment;

import com.chatpay.common.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** An amount as the API reads and writes it: {@code {"value": <minor units>, "currency": "EUR"}}. */
public record Amount(@NotNull @Positive Long value, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    public static Amount of(Money money) {
        return new Amount(money.value(), money.currency());
    }

    public Money toMoney() {
        return new Money(value, currency);
    }
}
