package com.chatpay.payment.settlement;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.payment.PaymentsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * limits-service's decisions ({@code limits.events}): a rejection ends the payment as REJECTED with the limit's
 * reason; a reservation records the payment's card step as due and, once that commits, hands the payment to
 * {@link ReservedPaymentSettler}, so this consumer never waits for the card network. A decision about a payment that is no longer PENDING is
 * ignored (a redelivery, or a duplicate decision).
 */
@ApplicationScoped
public class LimitDecisionsConsumer {

    private static final Logger LOG = Logger.getLogger(LimitDecisionsConsumer.class);

    private final IdempotentConsumer consumer;
    private final PaymentRepository payments;
    private final ReservedPaymentSettler settler;
    private final PaymentsConfig config;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public LimitDecisionsConsumer(IdempotentConsumer consumer, PaymentRepository payments,
            ReservedPaymentSettler settler, PaymentsConfig config, Outbox outbox, PaymentMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.payments = payments;
        this.settler = settler;
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Incoming("limits-events")
    public Uni<Void> onLimitEvent(String json) {
        Set<UUID> reserved = new HashSet<>(1);
        return consumer.consume(Topics.Groups.PAYMENT_LIMITS, json, envelope -> apply(envelope, reserved))
                .invoke(() -> reserved.forEach(settler::submit));
    }

    private Uni<Void> apply(EventEnvelope envelope, Set<UUID> reservedPayments) {
        EventType type = EventCodec.typeOf(envelope).orElse(null);
        if (type == EventType.LIMIT_RESERVED) {
            LimitReserved reserved = EventCodec.payload(envelope, LimitReserved.class);
            return pending(reserved.paymentId(), payment -> {
                // the card step is recorded as due; ReservedPaymentSettler runs it once this commits
                payment.retryNetworkAt(clock.instant().plus(config.settlementBackstop()));
                reservedPayments.add(payment.id());
                return Uni.createFrom().voidItem();
            });
        }
        if (type == EventType.LIMIT_REJECTED) {
            LimitRejected rejected = EventCodec.payload(envelope, LimitRejected.class);
            return pending(rejected.paymentId(), payment -> outbox.publish(
                            payment.reject(rejected.reason(), rejected.remaining(), clock.instant()), payment.payerId())
                    .invoke(() -> metrics.transitioned(payment))
                    .replaceWithVoid());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> pending(UUID paymentId, java.util.function.Function<Payment, Uni<Void>> decide) {
        return payments.findForUpdate(paymentId).chain(payment -> {
            if (payment == null) {
                LOG.warnf("limit decision for unknown payment %s ignored", paymentId);
                return Uni.createFrom().voidItem();
            }
            if (payment.status() != PaymentStatus.PENDING) {
                LOG.debugf("limit decision for payment %s in %s ignored", paymentId, payment.status());
                return Uni.createFrom().voidItem();
            }
            return decide.apply(payment);
        });
    }
}
