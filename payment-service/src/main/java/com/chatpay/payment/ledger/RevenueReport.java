package com.chatpay.payment.ledger;

import com.chatpay.payment.payment.Amount;
import java.util.List;

/**
 * Ops' monthly commission report, from the ledger: per payer country, the commissions booked in the month, those
 * reversed in the month (refunds), and the platform's net (positive: the banks paid the platform; negative: the
 * platform paid the banks).
 */
public record RevenueReport(String month, List<CountryRevenue> countries) {

    public record CountryRevenue(String country, long count, long reversed, Amount total) {
    }
}
