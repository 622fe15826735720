package com.chatpay.payment.ledger;

import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** The configured commissions, checked at start-up: a known country, a positive amount in its currency. */
@ApplicationScoped
public class CommissionScheduleProducer {

    @Produces
    @Singleton
    CommissionSchedule schedule(CommissionConfig config) {
        Map<String, Commission> byCountry = new HashMap<>();
        config.countries().forEach((country, commission) -> {
            String currency = CountryCurrency.of(country).orElseThrow(() -> new IllegalStateException(
                    "chatpay.commission." + country + ": not a supported country"));
            if (commission.amount() <= 0) {
                throw new IllegalStateException("chatpay.commission." + country + ".amount must be positive");
            }
            byCountry.put(country, new Commission(Money.of(commission.amount(), currency), commission.direction()));
        });
        return new CommissionSchedule(byCountry);
    }
}
