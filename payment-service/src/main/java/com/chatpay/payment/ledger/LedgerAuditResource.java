package com.chatpay.payment.ledger;

import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/ops/ledger/audit}: the ledger's invariants checked now — it balances, captured = paid out +
 * refunded + reversed for every payment, the money matches each payment's state, one commission per completed
 * payment. {@code violationCount} is 0 and {@code violations} empty when all hold; at most the first 1,000 violations
 * are listed.
 */
@Path("/v1/ops/ledger/audit")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerAuditResource {

    private final LedgerAudit audit;

    public LedgerAuditResource(LedgerAudit audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public Uni<LedgerAudit.Report> audit() {
        return audit.audit();
    }
}
