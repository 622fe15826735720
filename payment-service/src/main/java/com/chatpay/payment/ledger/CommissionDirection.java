package com.chatpay.payment.ledger;

/** Who pays the fixed per-payment commission (sources disagree, so it is per-country configuration). */
public enum CommissionDirection {
    PLATFORM_PAYS_BANK,
    BANK_PAYS_PLATFORM
}
