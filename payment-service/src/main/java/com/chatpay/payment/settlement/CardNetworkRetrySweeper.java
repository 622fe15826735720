package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Runs the card-network step of payments whose step is due and was not done: the network could not be reached (the
 * step is retried after {@code network-retry-delay}), or the process that recorded a limits reservation stopped
 * before {@link ReservedPaymentSettler} settled it (after {@code settlement-backstop}). See
 * {@link PaymentSettlement#resume}. If the network is still unavailable, the payment waits for the next turn.
 */
@ApplicationScoped
public class CardNetworkRetrySweeper {

    private final PaymentRepository payments;
    private final PaymentSettlement settlement;
    private final PaymentsConfig config;
    private final Clock clock;

    public CardNetworkRetrySweeper(PaymentRepository payments, PaymentSettlement settlement, PaymentsConfig config,
            Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${chatpay.payments.network-retry-sweep-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> payments.networkRetryDue(clock.instant(), config.networkRetryBatch())
                .chain(due -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (var payment : due) {
                        all = all.chain(() -> settlement.resume(payment));
                    }
                    return all;
                }));
    }
}
