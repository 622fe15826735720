package com.chatpay.payment.refund;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.payment.payment.PaymentErrors;
import com.chatpay.payment.payment.PaymentResource;
import com.chatpay.payment.payment.PaymentView;
import com.chatpay.payment.settlement.RefundOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /v1/payments/{paymentId}/refund} (payee or ops) and {@code /dispute} (payer). */
@Path("/v1/payments/{paymentId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RefundResource {

    private final RefundService service;
    private final JsonWebToken jwt;

    public RefundResource(RefundService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    /**
     * Refunds a COMPLETED payment in full: 200 with the REFUNDED payment; 403 for its payer, 404 for strangers, 409
     * PAYMENT_NOT_COMPLETED in any other state, 422 REFUND_FAILED when the card network refuses.
     */
    @POST
    @Path("refund")
    @RolesAllowed({Roles.USER, Roles.OPS})
    public Uni<PaymentView> refund(@PathParam("paymentId") String paymentId, @Valid @NotNull ReasonRequest request) {
        return service.refund(PaymentResource.parseId(paymentId), jwt.getSubject(), isOps(jwt), request.reason())
                .map(attempt -> {
                    requireRefunded(attempt.outcome());
                    return PaymentView.of(attempt.payment());
                });
    }

    /** The payer disputes a COMPLETED payment: 201 with the OPEN dispute; 409 if one is already open. */
    @POST
    @Path("dispute")
    @RolesAllowed(Roles.USER)
    public Uni<Response> dispute(@PathParam("paymentId") String paymentId, @Valid @NotNull ReasonRequest request) {
        return service.dispute(PaymentResource.parseId(paymentId), jwt.getSubject(), request.reason())
                .map(dispute -> Response.status(201).entity(DisputeView.of(dispute)).build());
    }

    static boolean isOps(JsonWebToken jwt) {
        return jwt.getGroups() != null && jwt.getGroups().contains(Roles.OPS);
    }

    static void requireRefunded(RefundOutcome outcome) {
        if (outcome != null && !outcome.refunded()) {
            throw ApiException.unprocessable(PaymentErrors.REFUND_FAILED,
                    "The card network did not refund the payment (" + outcome.failureReason() + ").");
        }
    }
}
