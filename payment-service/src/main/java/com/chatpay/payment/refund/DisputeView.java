package com.chatpay.payment.refund;

import java.time.Instant;
import java.util.UUID;

/** A dispute as the API shows it to its payer and to ops. */
public record DisputeView(UUID disputeId, UUID paymentId, String payerId, String reason, DisputeStatus status,
        Instant openedAt, Instant resolvedAt, String resolutionNote) {

    public static DisputeView of(Dispute d) {
        return new DisputeView(d.id(), d.paymentId(), d.payerId(), d.reason(), d.status(), d.openedAt(),
                d.resolvedAt(), d.resolutionNote());
    }
}
