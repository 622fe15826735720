package com.chatpay.notification.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import org.junit.jupiter.api.Test;

class AmountFormatTest {

    @Test
    void shouldFormatEurosTheFrenchWayWithPlainSpaces() {
        assertThat(AmountFormat.format(Money.of(2000, "EUR"), Lang.FR)).isEqualTo("20,00 €");
        assertThat(AmountFormat.format(Money.of(150_000, "EUR"), Lang.FR)).isEqualTo("1 500,00 €");
        assertThat(AmountFormat.format(Money.of(5, "EUR"), Lang.FR)).isEqualTo("0,05 €");
    }

    @Test
    void shouldFormatEurosTheEnglishWay() {
        assertThat(AmountFormat.format(Money.of(2000, "EUR"), Lang.EN)).isEqualTo("€20.00");
        assertThat(AmountFormat.format(Money.of(150_000, "EUR"), Lang.EN)).isEqualTo("€1,500.00");
    }

    @Test
    void shouldNeverProduceNoBreakSpaces() {
        String text = AmountFormat.format(Money.of(123_456_789, "EUR"), Lang.FR);
        assertThat(text).isEqualTo("1 234 567,89 €").doesNotContain("\u00A0", "\u202F");
    }

    @Test
    void shouldUseTheCurrencysOwnFractionDigits() {
        assertThat(AmountFormat.format(Money.of(2000, "JPY"), Lang.EN)).isEqualTo("¥2,000");
    }

    @Test
    void shouldReadLocalesAndDefaultToFrench() {
        assertThat(Lang.of("en")).isEqualTo(Lang.EN);
        assertThat(Lang.of("en-GB")).isEqualTo(Lang.EN);
        assertThat(Lang.of("EN_us")).isEqualTo(Lang.EN);
        assertThat(Lang.of("fr-FR")).isEqualTo(Lang.FR);
        assertThat(Lang.of("de")).isEqualTo(Lang.FR);
        assertThat(Lang.of(null)).isEqualTo(Lang.FR);
    }
}
