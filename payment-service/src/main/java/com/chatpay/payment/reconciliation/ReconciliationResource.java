package com.chatpay.payment.reconciliation;

import com.chatpay.common.security.Roles;
import com.chatpay.payment.payment.PaymentResource;
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

/**
 * {@code POST /v1/ops/payments/{paymentId}/reconciliation} {@code {reference, note}} (ops): books the settlement ops
 * made with the payer's issuer for a reversal or refund the card network refused, once the issuer confirmed it: the
 * payer's money given back outside the network (an ADJUSTMENT in the ledger, in place of the refused one). A refused
 * reversal leaves the payment FAILED; a refused refund makes it REFUNDED (both parties are told). 201 with the
 * reconciliation; 404 unknown payment; 409 NOTHING_TO_RECONCILE when nothing refused is open for it (or it was
 * reconciled already). The ChatpayPaymentNeedsReconciliation alert clears at the next count. A refund the network
 * could not be reached for (not refused) is open too: retry the refund first ({@code POST .../refund}), and book
 * this only for money the issuer confirms it moved outside the network, never twice for the same money.
 */
@Path("/v1/ops/payments/{paymentId}/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    private final ReconciliationService service;
    private final JsonWebToken jwt;

    public ReconciliationResource(ReconciliationService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    public Uni<Response> reconcile(@PathParam("paymentId") String paymentId,
            @Valid @NotNull ReconciliationRequest request) {
        return service.reconcile(PaymentResource.parseId(paymentId), jwt.getSubject(), request.reference(),
                        request.note())
                .map(view -> Response.status(201).entity(view).build());
    }
}
