package com.chatpay.common.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: integer minor units of an ISO 4217 currency (2000 EUR = 20,00 €). Never a double.
 * Arithmetic refuses to mix currencies.
 */
public record Money(long value, String currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isKnownCurrency(currency)) {
            throw new IllegalArgumentException("unknown currency");
        }
    }

    public static Money of(long value, String currency) {
        return new Money(value, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** True when {@code code} is an upper-case ISO 4217 alphabetic code the JDK knows. */
    public static boolean isKnownCurrency(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(value, other.value), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(value, other.value), currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return value > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(value, other.value);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return value + " " + currency;
    }
}
