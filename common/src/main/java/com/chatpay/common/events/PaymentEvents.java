package com.chatpay.common.events;

import com.chatpay.common.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Payloads of {@link Topics#PAYMENTS_EVENTS}, written only by payment-service; keyed by the payer so one payer's
 * events stay in order. Each names the payment, both parties and the amount so consumers need no lookup.
 */
public final class PaymentEvents {

    /** Anything about one payment of one payer (payment and limit events alike). */
    public interface PaymentRef {
        UUID paymentId();

        String payerId();
    }

    /** What every payment event carries. */
    public interface PaymentEvent extends PaymentRef {

        String payeeId();

        Money amount();
    }

    /** A payment was accepted for processing; limits-service decides on it. */
    public record PaymentRequested(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, String payerCountry, Instant requestedAt) implements PaymentEvent {
    }

    public record PaymentCompleted(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, @Nullable String message, Instant completedAt) implements PaymentEvent {
    }

    /** Refused before any money moved; {@code remaining} is the payer's headroom when the reason is a limit. */
    public record PaymentRejected(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, String reason, @Nullable Money remaining, Instant rejectedAt) implements PaymentEvent {
    }

    /** The card network declined or failed; any hold was voided. */
    public record PaymentFailed(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, String reason, Instant failedAt) implements PaymentEvent {
    }

    /** The payer's card is held; the payee must activate payments before {@code expiresAt}. */
    public record PaymentAwaitingPayee(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, @Nullable String message, Instant expiresAt) implements PaymentEvent {
    }

    public record PaymentExpired(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, Instant expiredAt) implements PaymentEvent {
    }

    public record PaymentCancelled(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, Instant cancelledAt) implements PaymentEvent {
    }

    public record PaymentDeclined(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, Instant declinedAt) implements PaymentEvent {
    }

    public record PaymentRefunded(UUID paymentId, String payerId, String payeeId, @Nullable String conversationId,
            Money amount, String reason, Instant refundedAt) implements PaymentEvent {
    }

    private PaymentEvents() {
    }
}
