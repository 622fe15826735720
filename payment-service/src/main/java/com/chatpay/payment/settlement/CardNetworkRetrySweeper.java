package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.payment.PaymentsConfig;
import com.chatpay.payment.users.PaymentUserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Runs again the card-network step of payments that could not reach the network: a PENDING payment (limits reserved)
 * starts over from the authorization, whose answer the network repeats for the same reference; an AWAITING_PAYEE one
 * whose payee can now receive is paid out. If the network is still unavailable, the payment waits for the next turn.
 */
@ApplicationScoped
public class CardNetworkRetrySweeper {

    private final PaymentRepository payments;
    private final PaymentUserRepository users;
    private final PaymentSettlement settlement;
    private final PaymentsConfig config;
    private final Clock clock;

    public CardNetworkRetrySweeper(PaymentRepository payments, PaymentUserRepository users,
            PaymentSettlement settlement, PaymentsConfig config, Clock clock) {
        this.payments = payments;
        this.users = users;
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
                        all = all.chain(() -> retry(payment));
                    }
                    return all;
                }));
    }

    private Uni<Void> retry(Payment payment) {
        payment.networkRetryStarted();
        if (payment.status() == PaymentStatus.PENDING) {
            return settlement.limitReserved(payment);
        }
        return users.lockOrCreate(payment.payeeId(), clock.instant()).chain(payee -> payee.canReceive()
                ? settlement.payOut(payment, payee)
                : Uni.createFrom().voidItem());
    }
}
