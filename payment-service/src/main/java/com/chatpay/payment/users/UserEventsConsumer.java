package com.chatpay.payment.users;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.CardRemoved;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.OnboardingEvents.PaymentsLocked;
import com.chatpay.common.events.OnboardingEvents.UserSuspended;
import com.chatpay.common.events.Topics;
import com.chatpay.common.inbox.IdempotentConsumer;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.settlement.PaymentSettlement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the read model of users from {@code onboarding.events}. When a user becomes able to receive (activation,
 * or a card added while active), the payments waiting for them are paid out in the same transaction.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private final IdempotentConsumer consumer;
    private final PaymentUserRepository users;
    private final PaymentRepository payments;
    private final PaymentSettlement settlement;
    private final Clock clock;

    public UserEventsConsumer(IdempotentConsumer consumer, PaymentUserRepository users, PaymentRepository payments,
            PaymentSettlement settlement, Clock clock) {
        this.consumer = consumer;
        this.users = users;
        this.payments = payments;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String json) {
        return consumer.consume(Topics.Groups.PAYMENT_USERS, json, this::apply);
    }

    private Uni<Void> apply(EventEnvelope envelope) {
        EventType type = EventCodec.typeOf(envelope).orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case PAYMENTS_ACTIVATED -> {
                PaymentsActivated e = EventCodec.payload(envelope, PaymentsActivated.class);
                yield update(e.userId(), u -> u.activate(e.country(), e.currency(), e.cardToken(), clock.instant()))
                        .chain(this::releaseAwaitingPayments);
            }
            case CARD_REGISTERED -> {
                CardRegistered e = EventCodec.payload(envelope, CardRegistered.class);
                yield update(e.userId(), u -> u.registerCard(e.cardToken(), clock.instant()))
                        .chain(this::releaseAwaitingPayments);
            }
            case CARD_REMOVED -> {
                CardRemoved e = EventCodec.payload(envelope, CardRemoved.class);
                yield update(e.userId(), u -> u.removeCard(e.cardToken(), clock.instant())).replaceWithVoid();
            }
            case PAYMENTS_LOCKED -> {
                PaymentsLocked e = EventCodec.payload(envelope, PaymentsLocked.class);
                yield update(e.userId(), u -> u.lock(clock.instant())).replaceWithVoid();
            }
            case USER_SUSPENDED -> {
                UserSuspended e = EventCodec.payload(envelope, UserSuspended.class);
                yield update(e.userId(), u -> u.suspend(e.suspended(), clock.instant())).replaceWithVoid();
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<PaymentUser> update(String userId, Consumer<PaymentUser> change) {
        return users.lockOrCreate(userId, clock.instant()).invoke(change);
    }

    private Uni<Void> releaseAwaitingPayments(PaymentUser payee) {
        if (!payee.canReceive()) {
            return Uni.createFrom().voidItem();
        }
        return payments.awaitingPayee(payee.userId()).chain(waiting -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (var payment : waiting) {
                all = all.chain(() -> settlement.payOut(payment, payee));
            }
            return all;
        });
    }
}
