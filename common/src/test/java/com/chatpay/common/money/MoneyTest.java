package com.chatpay.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void shouldAddAndSubtractInMinorUnits() {
        assertThat(Money.of(2000, "EUR").plus(Money.of(1, "EUR"))).isEqualTo(Money.of(2001, "EUR"));
        assertThat(Money.of(2000, "EUR").minus(Money.of(2001, "EUR"))).isEqualTo(Money.of(-1, "EUR"));
    }

    @Test
    void shouldRefuseToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EUR").compareTo(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseUnknownOrMalformedCurrencies() {
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.isKnownCurrency("EUR")).isTrue();
    }

    @Test
    void shouldRefuseOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldKnowTheCurrencyOfEachSupportedCountry() {
        assertThat(CountryCurrency.of("FR")).contains("EUR");
        assertThat(CountryCurrency.of("US")).contains("USD");
        assertThat(CountryCurrency.of("DE")).isEmpty();
    }
}
