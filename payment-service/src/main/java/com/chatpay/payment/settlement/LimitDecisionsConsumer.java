package com.chatpay.payment.settlement;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics;
import com.chatpay.payment.payment.PaymentRows;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * limits-service's decisions ({@code limits.events}): a rejection ends the payment as REJECTED with the limit's
 * reason; a reservation claims the payment's card step in one conditional statement, and once that commits
 * {@link ReservedPaymentSettler} settles it, so this consumer never waits for the card network. A decision about a
 * payment that is no longer PENDING, or whose card step is already due or claimed, is ignored (a redelivery, or a
 * duplicate decision). One decision per payment: it runs in plain SQL ({@link PaymentRows}), its inbox record, the
 * payment's row and any event in one transaction, without a Hibernate session.
 */
@ApplicationScoped
public class LimitDecisionsConsumer {

    private static final Logger LOG = Logger.getLogger(LimitDecisionsConsumer.class);

    private static final Set<EventType> DECISIONS = EnumSet.of(EventType.LIMIT_RESERVED, EventType.LIMIT_REJECTED);

    private final IdempotentConsumer consumer;
    private final PaymentRows payments;
    private final ReservedPaymentSettler settler;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public LimitDecisionsConsumer(IdempotentConsumer consumer, PaymentRows payments, ReservedPaymentSettler settler,
            Outbox outbox, PaymentMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.payments = payments;
        this.settler = settler;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * One poll's decisions in one transaction (the inbox falls back to one at a time should it fail); each reserved
     * payment goes to the settler once the transaction that claimed it has committed, none from one that rolled back.
     */
    @Incoming("limits-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onLimitEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatchOnConnection(Topics.Groups.PAYMENT_LIMITS, batch.getRecords(), DECISIONS,
                this::apply);
    }

    private Uni<Void> apply(SqlConnection connection, EventEnvelope envelope) {
        if (EventCodec.typeOf(envelope).orElse(null) == EventType.LIMIT_RESERVED) {
            LimitReserved reserved = EventCodec.payload(envelope, LimitReserved.class);
            return settler.claim(connection, reserved.paymentId()).chain(claimed -> claimed
                    ? Uni.createFrom().voidItem()
                    : payments.find(connection, reserved.paymentId()).invoke(payment -> ignored(reserved.paymentId(),
                            payment)).replaceWithVoid());
        }
        LimitRejected rejected = EventCodec.payload(envelope, LimitRejected.class);
        return undecided(connection, rejected.paymentId(), payment -> {
            PaymentRejected event = payment.reject(rejected.reason(), rejected.remaining(), clock.instant());
            return payments.save(connection, payment)
                    .chain(() -> outbox.publish(connection, event, payment.payerId()))
                    .invoke(() -> metrics.transitioned(payment))
                    .replaceWithVoid();
        });
    }

    /**
     * Applies {@code decide} to the payment, its row locked, if it still awaits its limits decision. A payment whose
     * card step is due or claimed was reserved already: a second decision, whatever it says, must not move it while
     * its money may be moving (a rejection then would end as REJECTED a payment the network pays out). A reservation
     * makes the same check in the statement that claims the step ({@link ReservedPaymentSettler#claim}).
     */
    private Uni<Void> undecided(SqlConnection connection, UUID paymentId, Function<Payment, Uni<Void>> decide) {
        return payments.lockForUpdate(connection, paymentId).chain(payment -> {
            if (payment == null || !payment.awaitsLimitsDecision()) {
                ignored(paymentId, payment);
                return Uni.createFrom().voidItem();
            }
            return decide.apply(payment);
        });
    }

    private static void ignored(UUID paymentId, Payment payment) {
        if (payment == null) {
            LOG.warnf("limit decision for unknown payment %s ignored", paymentId);
        } else {
            LOG.debugf("limit decision for payment %s ignored: %s, its card step due at %s", paymentId,
                    payment.status(), payment.networkRetryAt());
        }
    }
}
