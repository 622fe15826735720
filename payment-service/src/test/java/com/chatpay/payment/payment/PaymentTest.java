package com.chatpay.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456789Z");
    private static final Instant T1 = Instant.parse("2026-11-26T10:00:05.123456Z");
    private static final Money AMOUNT = Money.of(2000, "EUR");

    /** Every transition method, by the state it moves to. */
    private static final Map<PaymentStatus, BiFunction<Payment, Instant, Record>> MOVES = Map.of(
            PaymentStatus.COMPLETED, (p, at) -> p.complete(at),
            PaymentStatus.REJECTED, (p, at) -> p.reject("LIMIT_WINDOW_EXCEEDED", Money.of(100, "EUR"), at),
            PaymentStatus.FAILED, (p, at) -> p.fail("CARD_DECLINED", at),
            PaymentStatus.AWAITING_PAYEE, (p, at) -> p.awaitPayee(at.plus(Duration.ofDays(7)), at),
            PaymentStatus.EXPIRED, (p, at) -> p.expire(at),
            PaymentStatus.CANCELLED, (p, at) -> p.cancel(at),
            PaymentStatus.DECLINED, (p, at) -> p.decline(at),
            PaymentStatus.REFUNDED, (p, at) -> p.refund("PAYEE_REFUND", at));

    private static Payment pending() {
        return Payment.request(UUID.randomUUID(), "alice", "bob", "conv-1", AMOUNT, "🍕 pizza", "FR", T0);
    }

    /** A payment brought to {@code status} through legal moves only. */
    private static Payment in(PaymentStatus status) {
        Payment p = pending();
        switch (status) {
            case PENDING -> { }
            case AWAITING_PAYEE -> p.awaitPayee(T0.plus(Duration.ofDays(7)), T0);
            case EXPIRED, CANCELLED, DECLINED -> {
                p.awaitPayee(T0.plus(Duration.ofDays(7)), T0);
                MOVES.get(status).apply(p, T0);
            }
            case REFUNDED -> {
                p.complete(T0);
                p.refund("PAYEE_REFUND", T0);
            }
            default -> MOVES.get(status).apply(p, T0);
        }
        assertThat(p.status()).isEqualTo(status);
        return p;
    }

    @Test
    void shouldHaveItsNetworkStepDueOnlyWhileInProgressFromTheTimeItWasSetFor() {
        Payment payment = pending();
        assertThat(payment.networkStepDueBy(T0.plusSeconds(3600))).as("no step recorded").isFalse();

        payment.retryNetworkAt(T0.plusSeconds(10));
        assertThat(payment.networkStepDueBy(T0.plusSeconds(9))).isFalse();
        assertThat(payment.networkStepDueBy(T0.plusSeconds(10))).isTrue();

        payment.fail("PAYOUT_FAILED", T0.plusSeconds(11));
        assertThat(payment.networkStepDueBy(T0.plusSeconds(3600))).as("ended").isFalse();
    }

    @Test
    void shouldAwaitItsLimitsDecisionOnlyWhilePendingWithNoStepDue() {
        Payment payment = pending();
        assertThat(payment.awaitsLimitsDecision()).as("just accepted").isTrue();

        payment.retryNetworkAt(T0.plusSeconds(30));
        assertThat(payment.awaitsLimitsDecision()).as("reserved: its card step claimed").isFalse();

        payment.networkRetryStarted();
        payment.awaitPayee(T0.plusSeconds(3600), T1);
        assertThat(payment.awaitsLimitsDecision()).as("waiting for its payee").isFalse();
    }

    @Test
    void shouldStartPendingAndAnnounceTheRequest() {
        Payment p = pending();
        PaymentRequested event = p.requested();

        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123456Z"));
        assertThat(event.paymentId()).isEqualTo(p.id());
        assertThat(event.payerId()).isEqualTo("alice");
        assertThat(event.payeeId()).isEqualTo("bob");
        assertThat(event.amount()).isEqualTo(AMOUNT);
        assertThat(event.payerCountry()).isEqualTo("FR");
        assertThat(event.requestedAt()).isEqualTo(p.createdAt());
    }

    @Test
    void shouldRefuseANonPositiveAmountOrSelfPayment() {
        assertThatThrownBy(() -> Payment.request(UUID.randomUUID(), "alice", "bob", "c", Money.of(0, "EUR"), null,
                "FR", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payment.request(UUID.randomUUID(), "alice", "alice", "c", AMOUNT, null, "FR", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void shouldAllowExactlyTheDesignedTransitions(PaymentStatus from) {
        for (PaymentStatus to : MOVES.keySet()) {
            Payment p = in(from);
            if (from.canMoveTo(to)) {
                Record event = MOVES.get(to).apply(p, T1);
                assertThat(p.status()).as(from + " -> " + to).isEqualTo(to);
                assertThat(p.updatedAt()).isEqualTo(T1);
                assertThat(event).isNotNull();
            } else {
                PaymentStatus before = p.status();
                String reason = p.reason();
                Instant updated = p.updatedAt();
                assertThatThrownBy(() -> MOVES.get(to).apply(p, T1)).as(from + " -> " + to)
                        .isInstanceOf(IllegalTransitionException.class);
                assertThat(p.status()).isEqualTo(before);
                assertThat(p.reason()).isEqualTo(reason);
                assertThat(p.updatedAt()).isEqualTo(updated);
            }
        }
    }

    @Test
    void shouldFollowTheDesignsStateMachine() {
        assertThat(PaymentStatus.PENDING.next()).containsExactlyInAnyOrder(PaymentStatus.COMPLETED,
                PaymentStatus.REJECTED, PaymentStatus.FAILED, PaymentStatus.AWAITING_PAYEE);
        assertThat(PaymentStatus.AWAITING_PAYEE.next()).containsExactlyInAnyOrder(PaymentStatus.COMPLETED,
                PaymentStatus.EXPIRED, PaymentStatus.CANCELLED, PaymentStatus.DECLINED, PaymentStatus.FAILED);
        assertThat(PaymentStatus.COMPLETED.next()).containsExactly(PaymentStatus.REFUNDED);
        for (PaymentStatus terminal : EnumSet.of(PaymentStatus.REJECTED, PaymentStatus.FAILED,
                PaymentStatus.EXPIRED, PaymentStatus.CANCELLED, PaymentStatus.DECLINED, PaymentStatus.REFUNDED)) {
            assertThat(terminal.isTerminal()).as(terminal.name()).isTrue();
        }
    }

    @Test
    void shouldCarryTheReasonsAndDataIntoTheEvents() {
        Payment rejected = pending();
        PaymentRejected r = rejected.reject("LIMIT_WINDOW_EXCEEDED", Money.of(500, "EUR"), T1);
        assertThat(rejected.reason()).isEqualTo("LIMIT_WINDOW_EXCEEDED");
        assertThat(r.reason()).isEqualTo("LIMIT_WINDOW_EXCEEDED");
        assertThat(r.remaining()).isEqualTo(Money.of(500, "EUR"));

        Payment failed = pending();
        PaymentFailed f = failed.fail("INSUFFICIENT_FUNDS", T1);
        assertThat(f.reason()).isEqualTo("INSUFFICIENT_FUNDS");

        Payment waiting = pending();
        PaymentAwaitingPayee w = waiting.awaitPayee(T1.plus(Duration.ofDays(7)), T1);
        assertThat(w.expiresAt()).isEqualTo(waiting.expiresAt());
        assertThat(w.message()).isEqualTo("🍕 pizza");
        PaymentCompleted c = waiting.complete(T1.plusSeconds(1));
        assertThat(c.completedAt()).isEqualTo(T1.plusSeconds(1));
        assertThat(waiting.reason()).isNull();
        assertThat(waiting.expiresAt()).isNull();

        Payment expired = in(PaymentStatus.AWAITING_PAYEE);
        expired.expire(T1);
        assertThat(expired.reason()).isEqualTo(Payment.EXPIRED_REASON);
    }

    @Test
    void shouldRequireAReasonWhereTheOutcomeNeedsOne() {
        Payment p = pending();
        assertThatThrownBy(() -> p.fail(" ", T1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.reject(null, null, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void shouldNotWaitForThePayeeUntilThePast() {
        Payment p = pending();
        assertThatThrownBy(() -> p.awaitPayee(T0, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void shouldWaitForTheCardNetworkOnlyWhileInProgressAndForgetItOnAnyTransition() {
        Payment pending = pending();
        pending.retryNetworkAt(T1);
        assertThat(pending.networkRetryAt()).isEqualTo(T1);
        pending.complete(T1);
        assertThat(pending.networkRetryAt()).isNull();

        Payment waiting = in(PaymentStatus.AWAITING_PAYEE);
        waiting.retryNetworkAt(T1);
        waiting.networkRetryStarted();
        assertThat(waiting.networkRetryAt()).isNull();

        for (PaymentStatus done : EnumSet.complementOf(EnumSet.of(PaymentStatus.PENDING,
                PaymentStatus.AWAITING_PAYEE))) {
            Payment p = in(done);
            assertThatThrownBy(() -> p.retryNetworkAt(T1)).isInstanceOf(IllegalStateException.class);
            assertThat(p.networkRetryAt()).isNull();
        }
    }
}
