package com.chatpay.payment.ledger;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** {@code GET /v1/ops/revenue?month=YYYY-MM}: commissions per country for a month (UTC); the current one by default. */
@Path("/v1/ops/revenue")
@Produces(MediaType.APPLICATION_JSON)
public class RevenueResource {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final RevenueService service;

    public RevenueResource(RevenueService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<RevenueReport> revenue(@QueryParam("month") String month) {
        YearMonth wanted;
        if (month == null || month.isEmpty()) {
            wanted = service.currentMonth();
        } else {
            if (!MONTH.matcher(month).matches()) {
                throw ApiException.validation("month", "must be a month as YYYY-MM");
            }
            try {
                wanted = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw ApiException.validation("month", "must be a month as YYYY-MM");
            }
        }
        return service.month(wanted);
    }
}
