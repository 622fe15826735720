package com.chatpay.limits.usage;

import com.chatpay.common.events.LimitEvents.LimitRejected;
import com.chatpay.common.events.LimitEvents.LimitReserved;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.problem.ApiException;
import com.chatpay.limits.policy.LimitPolicyRepository;
import com.chatpay.limits.policy.Policy;
import com.chatpay.limits.usage.LimitRules.Decision;
import com.chatpay.limits.usage.LimitRules.Headroom;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reservations against the payer's window. Every mutation runs inside the consuming transaction, on its connection
 * (see {@link PaymentEventsConsumer}): the user's row is locked first, so the check and the reservation are atomic
 * for that user on any number of instances. Plain SQL, no Hibernate session: this is one transaction per payment
 * event.
 */
@ApplicationScoped
public class UsageService {

    private final ReservationRepository reservations;
    private final LimitPolicyRepository policies;
    private final Outbox outbox;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Timer decisionTimer;
    private final String defaultCountry;

    public UsageService(ReservationRepository reservations, LimitPolicyRepository policies, Outbox outbox, Pool pool,
            Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "chatpay.limits.default-country") String defaultCountry) {
        this.reservations = reservations;
        this.policies = policies;
        this.outbox = outbox;
        this.pool = pool;
        this.clock = clock;
        this.registry = registry;
        this.defaultCountry = defaultCountry;
        this.decisionTimer = Timer.builder("chatpay_limit_decision_seconds")
                .description("Time to decide on a payment, lock to outbox").publishPercentileHistogram()
                .register(registry);
    }

    /** Reserves the amount or rejects it, once per payment, and publishes the decision. */
    public Uni<Void> decide(SqlConnection connection, PaymentRequested request) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        return reservations.lockUser(connection, request.payerId(), request.payerCountry(), now)
                .chain(() -> policies.policyOf(connection, request.payerCountry()))
                .chain(policy -> policy
                        .map(p -> reservations.counted(connection, request.payerId(), p.window().start(now))
                                .map(counted -> LimitRules.decide(p, counted, request.amount(), now)))
                        .orElseGet(() -> Uni.createFrom().item(unsupportedCountry(request.amount()))))
                .chain(decision -> record(connection, request, decision, now))
                .invoke(() -> decisionTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    private Uni<Void> record(SqlConnection connection, PaymentRequested request, Decision decision, Instant now) {
        ReservationStatus status = decision.reserved() ? ReservationStatus.RESERVED : ReservationStatus.REJECTED;
        return reservations.insertDecision(connection, request.paymentId(), request.payerId(),
                        request.amount().value(), request.amount().currency(), status, decision.reason(), now)
                .chain(recorded -> {
                    if (!recorded) {
                        return Uni.createFrom().voidItem(); // decided before: that decision stands, published once
                    }
                    registry.counter("chatpay_limit_decisions_total",
                            "decision", decision.reserved() ? "reserved" : "rejected",
                            "reason", decision.reserved() ? "none" : decision.reason()).increment();
                    Headroom headroom = decision.headroom();
                    Record event = decision.reserved()
                            ? new LimitReserved(request.paymentId(), request.payerId(), request.amount(),
                                    headroom.remaining(), headroom.nextReleaseAt())
                            : new LimitRejected(request.paymentId(), request.payerId(), request.amount(),
                                    decision.reason(), headroom.remaining(), headroom.nextReleaseAt());
                    return outbox.publish(connection, event, request.payerId()).replaceWithVoid();
                });
    }

    /** The payment completed: its reservation now counts as used from {@code completedAt}. */
    public Uni<Void> consume(SqlConnection connection, UUID paymentId, Instant completedAt) {
        return reservations.transition(connection, paymentId, ReservationStatus.RESERVED, ReservationStatus.CONSUMED,
                completedAt);
    }

    /** The payment ended without moving money: the reservation no longer counts. */
    public Uni<Void> release(SqlConnection connection, UUID paymentId) {
        return reservations.transition(connection, paymentId, ReservationStatus.RESERVED, ReservationStatus.RELEASED,
                clock.instant());
    }

    /** The payment was refunded: the headroom comes back when the payer's country policy says so. */
    public Uni<Void> refund(SqlConnection connection, UUID paymentId) {
        return reservations.find(connection, paymentId).chain(held -> {
            if (held.isEmpty() || held.get().status() != ReservationStatus.CONSUMED) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            String userId = held.get().userId();
            return reservations.lockUser(connection, userId, null, now)
                    .chain(() -> reservations.countryOf(connection, userId))
                    .chain(country -> policies.policyOf(connection, country.orElse(defaultCountry)))
                    .chain(policy -> policy.map(Policy::refundRestoresHeadroom).orElse(true)
                            ? reservations.transition(connection, paymentId, ReservationStatus.CONSUMED,
                                    ReservationStatus.REFUNDED, now)
                            : Uni.createFrom().voidItem());
        });
    }

    /** Remembers the country of a user who activated payments (for their headroom before any payment). */
    public Uni<Void> rememberCountry(SqlConnection connection, String userId, String country) {
        return reservations.rememberCountry(connection, userId, country, clock.instant());
    }

    /** A user's current headroom under their country's policy (reads outside any transaction). */
    public Uni<LimitsView> headroom(String userId) {
        Instant now = clock.instant();
        return reservations.countryOf(pool, userId)
                .chain(country -> policies.policyOf(pool, country.orElse(defaultCountry)))
                .chain(policy -> {
                    Policy p = policy.orElseThrow(
                            () -> ApiException.notFound("Payments are not available in this country."));
                    return reservations.counted(pool, userId, p.window().start(now))
                            .map(counted -> LimitsView.of(p, LimitRules.headroom(p, counted, now)));
                });
    }

    private static Decision unsupportedCountry(Money amount) {
        Money zero = Money.zero(amount.currency());
        return new Decision(false, LimitRules.CURRENCY_NOT_SUPPORTED, new Headroom(zero, zero, zero, null, 0));
    }
}
