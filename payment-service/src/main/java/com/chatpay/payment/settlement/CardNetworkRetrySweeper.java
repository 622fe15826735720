package com.chatpay.payment.settlement;

import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentsConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs the card-network step of payments whose step is due and was not done: the network could not be reached (the
 * step is retried after {@code network-retry-delay}), or its claim lapsed before its outcome was recorded: the process
 * that claimed it with the payment's reservation stopped before {@link ReservedPaymentSettler} settled it, or a run
 * outlived its claim (after {@code settlement-lease}). See
 * {@link PaymentSettlement#resumeIfDue}. If the network is still unavailable, the payment waits for the next turn.
 */
@ApplicationScoped
public class CardNetworkRetrySweeper {

    private static final Logger LOG = Logger.getLogger(CardNetworkRetrySweeper.class);

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
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutdown began: the run would fail on the closing connection pool
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return Panache.withSession(() -> payments.networkRetryDue(now, config.networkRetryBatch()))
                .chain(due -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (UUID id : due) {
                        all = all.chain(() -> settle(id, now));
                    }
                    return all;
                });
    }

    /**
     * One payment per transaction, its row locked: a payment whose step fails does not hold the others back (it
     * stays due and is tried at the next sweep), and nothing loaded for one payment (its payer, its payee) is shared
     * with the next. A batch in one session used to fail as a whole when a user loaded for one payment was locked
     * for another, and then failed again at every sweep.
     */
    private Uni<Void> settle(UUID id, Instant now) {
        return settlement.resumeIfDue(id, now)
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("payment %s: card-network step not done, tried again at the next sweep: %s", id,
                            failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
