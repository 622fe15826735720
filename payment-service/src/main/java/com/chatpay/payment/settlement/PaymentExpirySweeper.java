package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Expires AWAITING_PAYEE payments whose payee did not activate in time, voiding their holds. */
@ApplicationScoped
public class PaymentExpirySweeper {

    private final PaymentRepository payments;
    private final PaymentSettlement settlement;
    private final PaymentsConfig config;
    private final Clock clock;

    public PaymentExpirySweeper(PaymentRepository payments, PaymentSettlement settlement, PaymentsConfig config,
            Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${chatpay.payments.expiry-sweep-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutdown began: the run would fail on the closing connection pool
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> payments.expiredAwaitingPayee(clock.instant(), config.expirySweepBatch())
                .chain(expired -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (var payment : expired) {
                        all = all.chain(() -> settlement.expire(payment));
                    }
                    return all;
                }));
    }
}
