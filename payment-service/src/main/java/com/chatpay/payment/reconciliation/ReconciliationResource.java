package com.chatpay.payment.reconciliation;

import com.chatpay.common.security.Roles;
import com.chatpay.payment.payment.PaymentResource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The settlement ops made with the payer's issuer for a reversal or refund the card network refused, once the issuer
 * confirmed it: the payer's money given back outside the network (an ADJUSTMENT in the ledger, in place of the
 * refused one). A manual ledger entry, so under four eyes (ops role for each call):
 * <ul>
 *   <li>{@code POST /v1/ops/payments/{paymentId}/reconciliation} {@code {reference, note}}: proposes it; 202 with
 *       the reconciliation PENDING_APPROVAL, nothing booked. 409 NOTHING_TO_RECONCILE when nothing refused is open
 *       (or it was reconciled), 409 RECONCILIATION_PENDING when a proposal waits already.</li>
 *   <li>{@code POST .../reconciliation/approval}: a second operator approves it; 201 RECONCILED, the ADJUSTMENT
 *       booked. A refused reversal leaves the payment FAILED; a refused refund makes it REFUNDED (both parties are
 *       told). 403 FOUR_EYES_REQUIRED for the operator who proposed it; 409 NO_RECONCILIATION_PENDING.</li>
 *   <li>{@code DELETE .../reconciliation}: withdraws a pending proposal; 204.</li>
 *   <li>{@code GET .../reconciliation}: the reconciliation, pending or booked.</li>
 * </ul>
 * 404 for an unknown payment. The ChatpayPaymentNeedsReconciliation alert clears at the count after the approval. A
 * refund the network could not be reached for (not refused) is open too: retry the refund first
 * ({@code POST .../refund}), and book this only for money the issuer confirms it moved outside the network, never
 * twice for the same money.
 */
@Path("/v1/ops/payments/{paymentId}/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    private final ReconciliationService service;
    private final JsonWebToken jwt;

    public ReconciliationResource(ReconciliationService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    public Uni<Response> propose(@PathParam("paymentId") String paymentId,
            @Valid @NotNull ReconciliationRequest request) {
        return service.propose(PaymentResource.parseId(paymentId), jwt.getSubject(), request.reference(),
                        request.note())
                .map(view -> Response.status(202).entity(view).build());
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.OPS)
    public Uni<Response> approve(@PathParam("paymentId") String paymentId) {
        return service.approve(PaymentResource.parseId(paymentId), jwt.getSubject())
                .map(view -> Response.status(201).entity(view).build());
    }

    @DELETE
    @RolesAllowed(Roles.OPS)
    public Uni<Response> withdraw(@PathParam("paymentId") String paymentId) {
        return service.withdraw(PaymentResource.parseId(paymentId), jwt.getSubject())
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<ReconciliationView> get(@PathParam("paymentId") String paymentId) {
        return service.find(PaymentResource.parseId(paymentId));
    }
}
