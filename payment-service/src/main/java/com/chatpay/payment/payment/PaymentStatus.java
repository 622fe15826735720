package com.chatpay.payment.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a payment (DESIGN §3) and the only moves between them: {@code PENDING → COMPLETED | REJECTED |
 * FAILED}, {@code PENDING → AWAITING_PAYEE → COMPLETED | EXPIRED | CANCELLED | DECLINED | FAILED}, {@code COMPLETED →
 * REFUNDED}. Every other state is terminal. {@code AWAITING_PAYEE → FAILED} goes beyond DESIGN §3: when the payee
 * can finally receive, the capture of the held amount or the payout to the payee's card can still fail, and the
 * payment must end (hold voided, capture reversed) rather than wait for an expiry that no longer applies.
 */
public enum PaymentStatus {
    PENDING,
    AWAITING_PAYEE,
    COMPLETED,
    REJECTED,
    FAILED,
    EXPIRED,
    CANCELLED,
    DECLINED,
    REFUNDED;

    /** The states this one may move to. */
    public Set<PaymentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(COMPLETED, REJECTED, FAILED, AWAITING_PAYEE);
            case AWAITING_PAYEE -> EnumSet.of(COMPLETED, EXPIRED, CANCELLED, DECLINED, FAILED);
            case COMPLETED -> EnumSet.of(REFUNDED);
            default -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next().contains(target);
    }

    /** No further move is possible. */
    public boolean isTerminal() {
        return next().isEmpty();
    }
}
