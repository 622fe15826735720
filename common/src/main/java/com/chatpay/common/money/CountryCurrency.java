package com.chatpay.common.money;

import java.util.Map;
import java.util.Optional;

/** The currency payments are made in for each country chatpay can operate in. */
public final class CountryCurrency {

    private static final Map<String, String> CURRENCY = Map.of(
            "FR", "EUR",
            "US", "USD");

    private CountryCurrency() {
    }

    /** The currency of an ISO 3166-1 alpha-2 country, if chatpay supports the country. */
    public static Optional<String> of(String country) {
        return Optional.ofNullable(country).map(CURRENCY::get);
    }

    public static boolean isSupported(String country) {
        return country != null && CURRENCY.containsKey(country);
    }
}
