package com.chatpay.payment.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;

/** The fixed per-payment commission, per payer country: {@code chatpay.commission.<COUNTRY>.amount|direction}. */
@ConfigMapping(prefix = "chatpay.commission")
public interface CommissionConfig {

    /** By ISO 3166-1 alpha-2 country of the payer; a country absent here books no commission. */
    @WithParentName
    Map<String, CountryCommission> countries();

    interface CountryCommission {

        /** The commission of one completed payment, in minor units of the country's currency (whatever the amount). */
        long amount();

        /** Who pays it: PLATFORM_PAYS_BANK or BANK_PAYS_PLATFORM. */
        CommissionDirection direction();
    }
}
