package com.chatpay.payment.ledger;

import java.util.Map;
import java.util.Optional;

/** The commission of each payer country; a country without one books no commission. */
public record CommissionSchedule(Map<String, Commission> byCountry) {

    public CommissionSchedule {
        byCountry = Map.copyOf(byCountry);
    }

    public Optional<Commission> forCountry(String country) {
        return Optional.ofNullable(byCountry.get(country));
    }
}
