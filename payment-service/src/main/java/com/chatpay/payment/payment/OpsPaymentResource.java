package com.chatpay.payment.payment;

import com.chatpay.common.paging.PageLimit;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/ops/payments?status=&limit=&cursor=}: every payment, newest first, for ops. */
@Path("/v1/ops/payments")
@Produces(MediaType.APPLICATION_JSON)
public class OpsPaymentResource {

    private final PaymentService service;

    public OpsPaymentResource(PaymentService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<PaymentPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PaymentStatus wanted = null;
        if (status != null && !status.isEmpty()) {
            try {
                wanted = PaymentStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", "is not a payment status");
            }
        }
        return service.all(wanted, PageCursor.decode(PaymentService.PAYMENTS, cursor), PageLimit.parse(limit));
    }
}
