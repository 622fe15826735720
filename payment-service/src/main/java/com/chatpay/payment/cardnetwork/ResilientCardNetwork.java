package com.chatpay.payment.cardnetwork;

import com.chatpay.common.money.Money;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The card network as payment-service calls it: the adapter ({@link CardNetwork} bean, the simulator by default)
 * behind bounded retries with exponential backoff and a circuit breaker.
 *
 * <ul>
 *   <li>A transient error (the adapter's {@code CARD_NETWORK_ERROR}, or a failed Uni) is retried with the same
 *       idempotency reference, up to {@link CardNetworkConfig.Retry#maxAttempts()} calls.</li>
 *   <li>Declines and approvals are answers: returned at once, never retried. A timeout is returned as is (its outcome is
 *       unknown and is settled by {@link #status}), never retried blindly.</li>
 *   <li>Errors and timeouts count as failures of the breaker; a share of
 *       {@link CardNetworkConfig.Breaker#failureRateThreshold()} of the latest calls opens it (one issuer's cards
 *       timing out while the others answer does not). While it is open, calls are not made and answer
 *       {@link CardResult.Outcome#UNAVAILABLE}, as do calls whose retries are exhausted: nothing is decided, the
 *       caller keeps the payment where it is and tries the step again later.</li>
 * </ul>
 * Delays run on Vert.x timers of the caller's context, so a caller inside a reactive transaction stays on its event
 * loop. Created at start-up so its metrics exist before the first payment. Metrics: {@code chatpay_card_network_retries_total{operation}},
 * {@code chatpay_card_network_circuit_open} (1 while open or half-open).
 */
@ApplicationScoped
@Startup
@Typed(ResilientCardNetwork.class)
public class ResilientCardNetwork implements CardNetwork {

    private final CardNetwork adapter;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final Vertx vertx;
    private final MeterRegistry registry;

    @Inject
    public ResilientCardNetwork(CardNetwork adapter, CardNetworkConfig config, Clock clock, Vertx vertx,
            MeterRegistry registry) {
        this(adapter, new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(),
                config.retry().multiplier(), config.retry().maxBackoff()),
                breaker(config.circuitBreaker(), clock), vertx, registry);
    }

    public ResilientCardNetwork(CardNetwork adapter, RetryPolicy retry, CircuitBreaker breaker, Vertx vertx,
            MeterRegistry registry) {
        this.adapter = adapter;
        this.retry = retry;
        this.breaker = breaker;
        this.vertx = vertx;
        this.registry = registry;
        Gauge.builder("chatpay_card_network_circuit_open", breaker,
                        b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the circuit breaker around the card network is open or half-open")
                .register(registry);
    }

    private static CircuitBreaker breaker(CardNetworkConfig.Breaker config, Clock clock) {
        return new CircuitBreaker(config.windowSize(), config.minimumCalls(), config.failureRateThreshold(),
                config.coolDown(), clock);
    }

    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    @Override
    public Uni<CardResult> authorize(String reference, String cardToken, Money amount) {
        return guarded("authorize", () -> adapter.authorize(reference, cardToken, amount));
    }

    @Override
    public Uni<CardResult> capture(String reference) {
        return guarded("capture", () -> adapter.capture(reference));
    }

    @Override
    public Uni<CardResult> pushToCard(String reference, String cardToken, Money amount) {
        return guarded("push", () -> adapter.pushToCard(reference, cardToken, amount));
    }

    @Override
    public Uni<CardResult> voidHold(String reference) {
        return guarded("void", () -> adapter.voidHold(reference));
    }

    @Override
    public Uni<CardResult> reverse(String reference) {
        return guarded("reverse", () -> adapter.reverse(reference));
    }

    @Override
    public Uni<CardResult> reversePayout(String reference) {
        return guarded("reverse_payout", () -> adapter.reversePayout(reference));
    }

    @Override
    public Uni<CardResult> refund(String reference, Money amount) {
        return guarded("refund", () -> adapter.refund(reference, amount));
    }

    /** Status queries reconcile unknown outcomes: asked directly (a failed query leaves the outcome unknown). */
    @Override
    public Uni<CardStatus> status(String reference) {
        return adapter.status(reference);
    }

    private Uni<CardResult> guarded(String operation, Supplier<Uni<CardResult>> call) {
        return attempt(operation, call, 1);
    }

    private Uni<CardResult> attempt(String operation, Supplier<Uni<CardResult>> call, int attempt) {
        if (!breaker.tryAcquire()) {
            return Uni.createFrom().item(CardResult.unavailable());
        }
        Uni<CardResult> made;
        try {
            made = call.get();
        } catch (RuntimeException e) {
            made = Uni.createFrom().failure(e);
        }
        return made.onFailure().recoverWithItem(CardResult.declined(CardResult.CARD_NETWORK_ERROR))
                .chain(result -> {
                    if (result.isTransientError()) {
                        breaker.onFailure();
                        if (!retry.mayRetryAfter(attempt)) {
                            return Uni.createFrom().item(CardResult.unavailable());
                        }
                        registry.counter("chatpay_card_network_retries_total", "operation", operation).increment();
                        return after(retry.backoffBefore(attempt + 1))
                                .chain(() -> attempt(operation, call, attempt + 1));
                    }
                    if (result.outcome() == CardResult.Outcome.TIMED_OUT) {
                        breaker.onFailure();
                    } else {
                        breaker.onSuccess();
                    }
                    return Uni.createFrom().item(result);
                });
    }

    private Uni<Void> after(Duration delay) {
        long millis = delay.toMillis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }
}
