package com.chatpay.common.money;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link CountryCurrency}: a country is supported exactly when it has a currency, only its exact
 * upper-case ISO 3166-1 alpha-2 code names it, and its currency is one {@link Money} accepts.
 */
class CountryCurrencyPropertiesTest {

    private static final List<String> ISO_COUNTRIES = List.of(Locale.getISOCountries());

    @Test
    void shouldSupportOnlyExactIsoCountryCodesWhoseCurrencyMakesMoney() {
        forAll(1000, CountryCurrencyPropertiesTest::countryCandidate, c -> "country '" + c + "'", country -> {
            Optional<String> currency = CountryCurrency.of(country);
            assertThat(CountryCurrency.isSupported(country)).isEqualTo(currency.isPresent());
            if (currency.isPresent()) {
                assertThat(ISO_COUNTRIES).contains(country);
                assertThat(Money.isKnownCurrency(currency.get())).isTrue();
                assertThat(Money.zero(currency.get()).value()).isZero();
            }
        });
    }

    /** ISO codes (FR and US often), their lower-case and padded forms, alpha-3 codes, null and random text. */
    private static String countryCandidate(SplittableRandom r) {
        String iso = r.nextInt(3) == 0 ? (r.nextBoolean() ? "FR" : "US")
                : ISO_COUNTRIES.get(r.nextInt(ISO_COUNTRIES.size()));
        return switch (r.nextInt(8)) {
            case 0, 1, 2 -> iso;
            case 3 -> iso.toLowerCase(Locale.ROOT);
            case 4 -> r.nextBoolean() ? " " + iso : iso + " ";
            case 5 -> r.nextBoolean() ? "FRA" : "USA";
            case 6 -> null;
            default -> "" + (char) ('A' + r.nextInt(26)) + (char) (r.nextInt(0x20, 0x250));
        };
    }
}
