package com.chatpay.common.events;

import com.chatpay.common.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Payloads of {@link Topics#LIMITS_EVENTS}, written only by limits-service; keyed by the payer. */
public final class LimitEvents {

    /** The amount is reserved against the payer's window; {@code remaining} is what is left after it. */
    public record LimitReserved(UUID paymentId, String payerId, Money amount, Money remaining,
            @Nullable Instant nextReleaseAt) implements PaymentEvents.PaymentRef {
    }

    /**
     * Refused with a stable reason ({@code LIMIT_PER_PAYMENT_EXCEEDED}, {@code LIMIT_WINDOW_EXCEEDED},
     * {@code LIMIT_VELOCITY_EXCEEDED}, {@code CURRENCY_NOT_SUPPORTED}) and the headroom left.
     */
    public record LimitRejected(UUID paymentId, String payerId, Money amount, String reason, Money remaining,
            @Nullable Instant nextReleaseAt) implements PaymentEvents.PaymentRef {
    }

    private LimitEvents() {
    }
}
