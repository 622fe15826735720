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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reservations against the payer's window. Every mutation runs inside the consuming transaction (see
 * {@link PaymentEventsConsumer}): the user's row is locked first, so the check and the reservation are atomic for
 * that user on any number of instances.
 */
@ApplicationScoped
public class UsageService {

    private final ReservationRepository reservations;
    private final LimitPolicyRepository policies;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Timer decisionTimer;
    private final String defaultCountry;

    public UsageService(ReservationRepository reservations, LimitPolicyRepository policies, Outbox outbox, Clock clock,
            MeterRegistry registry, @ConfigProperty(name = "chatpay.limits.default-country") String defaultCountry) {
        this.reservations = reservations;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
        this.defaultCountry = defaultCountry;
        this.decisionTimer = Timer.builder("chatpay_limit_decision_seconds")
                .description("Time to decide on a payment, lock to outbox").publishPercentileHistogram()
                .register(registry);
    }

    /** Reserves the amount or rejects it, once per payment, and publishes the decision. */
    public Uni<Void> decide(PaymentRequested request) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        return reservations.lockUser(request.payerId())
                .chain(user -> {
                    if (user.country == null) {
                        user.country = request.payerCountry();
                        user.updatedAt = now;
                    }
                    return reservations.findById(request.paymentId());
                })
                .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : policies.policyOf(request.payerCountry()).chain(policy -> policy
                                .map(p -> reservations.counted(request.payerId(), p.window().start(now))
                                        .map(counted -> LimitRules.decide(p, counted, request.amount(), now)))
                                .orElseGet(() -> Uni.createFrom().item(unsupportedCountry(request.amount())))
                                .chain(decision -> record(request, decision, now))))
                .invoke(() -> decisionTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private Uni<Void> record(PaymentRequested request, Decision decision, Instant now) {
        Reservation row = new Reservation();
        row.paymentId = request.paymentId();
        row.userId = request.payerId();
        row.amount = request.amount().value();
        row.currency = request.amount().currency();
        row.status = decision.reserved() ? Reservation.Status.RESERVED : Reservation.Status.REJECTED;
        row.reason = decision.reason();
        row.decidedAt = now;
        registry.counter("chatpay_limit_decisions_total", "decision", decision.reserved() ? "reserved" : "rejected",
                "reason", decision.reserved() ? "none" : decision.reason()).increment();
        Headroom headroom = decision.headroom();
        Record event = decision.reserved()
                ? new LimitReserved(request.paymentId(), request.payerId(), request.amount(), headroom.remaining(),
                        headroom.nextReleaseAt())
                : new LimitRejected(request.paymentId(), request.payerId(), request.amount(), decision.reason(),
                        headroom.remaining(), headroom.nextReleaseAt());
        return reservations.persist(row).chain(() -> outbox.publish(event, request.payerId())).replaceWithVoid();
    }

    /** The payment completed: its reservation now counts as used from {@code completedAt}. */
    public Uni<Void> consume(UUID paymentId, Instant completedAt) {
        return transition(paymentId, Reservation.Status.RESERVED, row -> {
            row.status = Reservation.Status.CONSUMED;
            row.consumedAt = completedAt;
        });
    }

    /** The payment ended without moving money: the reservation no longer counts. */
    public Uni<Void> release(UUID paymentId) {
        return transition(paymentId, Reservation.Status.RESERVED, row -> {
            row.status = Reservation.Status.RELEASED;
            row.releasedAt = clock.instant();
        });
    }

    /** The payment was refunded: the headroom comes back when the payer's country policy says so. */
    public Uni<Void> refund(UUID paymentId) {
        return reservations.findById(paymentId).chain(row -> {
            if (row == null || row.status != Reservation.Status.CONSUMED) {
                return Uni.createFrom().voidItem();
            }
            return reservations.lockUser(row.userId)
                    .chain(user -> policies.policyOf(user.country == null ? defaultCountry : user.country))
                    .invoke(policy -> {
                        if (policy.map(Policy::refundRestoresHeadroom).orElse(true)) {
                            row.status = Reservation.Status.REFUNDED;
                            row.releasedAt = clock.instant();
                        }
                    })
                    .replaceWithVoid();
        });
    }

    /** Remembers the country of a user who activated payments (for their headroom before any payment). */
    public Uni<Void> rememberCountry(String userId, String country) {
        return reservations.lockUser(userId).invoke(user -> {
            user.country = country;
            user.updatedAt = clock.instant();
        }).replaceWithVoid();
    }

    /** A user's current headroom under their country's policy. */
    @WithSession
    public Uni<LimitsView> headroom(String userId) {
        Instant now = clock.instant();
        return UserLimit.<UserLimit>findById(userId)
                .map(user -> user == null || user.country == null ? defaultCountry : user.country)
                .chain(country -> policies.policyOf(country).chain(policy -> {
                    Policy p = policy.orElseThrow(
                            () -> ApiException.notFound("Payments are not available in this country."));
                    return reservations.counted(userId, p.window().start(now))
                            .map(counted -> LimitsView.of(p, LimitRules.headroom(p, counted, now)));
                }));
    }

    private Uni<Void> transition(UUID paymentId, Reservation.Status from, java.util.function.Consumer<Reservation> change) {
        return reservations.findById(paymentId).invoke(row -> {
            if (row != null && row.status == from) {
                change.accept(row);
            }
        }).replaceWithVoid();
    }

    private static Decision unsupportedCountry(Money amount) {
        Money zero = Money.zero(amount.currency());
        return new Decision(false, LimitRules.CURRENCY_NOT_SUPPORTED, new Headroom(zero, zero, zero, null, 0));
    }
}
