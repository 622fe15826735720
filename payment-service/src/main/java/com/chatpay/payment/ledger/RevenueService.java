package com.chatpay.payment.ledger;

import com.chatpay.payment.payment.Amount;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Commission per country and month (UTC), summed from the ledger. */
@ApplicationScoped
public class RevenueService {

    private final LedgerRepository ledger;
    private final Clock clock;

    public RevenueService(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The current month, UTC, by the service's clock. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    @WithSession
    public Uni<RevenueReport> month(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return ledger.platformCommissions(from, to).map(totals -> report(month, totals));
    }

    static RevenueReport report(YearMonth month, List<LedgerRepository.CommissionTotal> totals) {
        record Key(String country, String currency) {
        }
        Map<Key, long[]> byCountry = new TreeMap<>((a, b) -> a.country().equals(b.country())
                ? a.currency().compareTo(b.currency()) : a.country().compareTo(b.country()));
        for (var t : totals) {
            long[] sums = byCountry.computeIfAbsent(new Key(t.country(), t.currency()), k -> new long[3]);
            if (t.kind() == PostingKind.COMMISSION) {
                sums[0] += t.lines();
            } else {
                sums[1] += t.lines();
            }
            sums[2] += t.side() == Side.DEBIT ? t.amount() : -t.amount();
        }
        List<RevenueReport.CountryRevenue> countries = new ArrayList<>();
        byCountry.forEach((key, sums) -> countries.add(new RevenueReport.CountryRevenue(key.country(), sums[0],
                sums[1], new Amount(sums[2], key.currency()))));
        return new RevenueReport(month.toString(), countries);
    }
}
