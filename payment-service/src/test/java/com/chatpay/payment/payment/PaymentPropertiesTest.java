package com.chatpay.payment.payment;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.chatpay.common.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the payment state machine ({@link PaymentStatus}, {@link Payment}) over random sequences of moves: a
 * legal move lands where it says and announces it, an illegal one throws {@link IllegalTransitionException} and
 * changes nothing, a terminal state is never left, and every path from PENDING ends within three moves without
 * revisiting a state. Amounts and expiries are checked before anything is created or moved.
 */
class PaymentPropertiesTest {

    private static final int TRIES = 1000;
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123456789Z");

    /** Every transition a caller can ask for, by the state it moves to, plus a card-network retry. */
    enum Move {
        COMPLETE(PaymentStatus.COMPLETED),
        REJECT(PaymentStatus.REJECTED),
        FAIL(PaymentStatus.FAILED),
        AWAIT_PAYEE(PaymentStatus.AWAITING_PAYEE),
        EXPIRE(PaymentStatus.EXPIRED),
        CANCEL(PaymentStatus.CANCELLED),
        DECLINE(PaymentStatus.DECLINED),
        REFUND(PaymentStatus.REFUNDED),
        RETRY_NETWORK(null);

        final PaymentStatus target;

        Move(PaymentStatus target) {
            this.target = target;
        }

        Record apply(Payment p, Instant at) {
            return switch (this) {
                case COMPLETE -> p.complete(at);
                case REJECT -> p.reject("LIMIT_WINDOW_EXCEEDED", Money.of(0, p.amount().currency()), at);
                case FAIL -> p.fail("CARD_DECLINED", at);
                case AWAIT_PAYEE -> p.awaitPayee(at.plus(Duration.ofDays(7)), at);
                case EXPIRE -> p.expire(at);
                case CANCEL -> p.cancel(at);
                case DECLINE -> p.decline(at);
                case REFUND -> p.refund(Payment.REFUNDED_BY_PAYEE, at);
                case RETRY_NETWORK -> {
                    p.retryNetworkAt(at.plusSeconds(30));
                    yield null;
                }
            };
        }
    }

    /** What a move may change. */
    record Snapshot(PaymentStatus status, String reason, Instant updatedAt, Instant expiresAt, Instant retryAt,
            Money amount) {
        static Snapshot of(Payment p) {
            return new Snapshot(p.status(), p.reason(), p.updatedAt(), p.expiresAt(), p.networkRetryAt(), p.amount());
        }
    }

    @Test
    void shouldApplyALegalMoveAnnouncingItAndRefuseAnIllegalOneLeavingThePaymentUntouched() {
        forAll(TRIES, PaymentPropertiesTest::moves, List::toString, moves -> {
            Payment payment = pending(Money.of(2000, "EUR"));
            Instant at = T0;
            for (Move move : moves) {
                at = at.plusMillis(1234).plusNanos(567);
                applyAndCheck(payment, move, at);
            }
        });
    }

    @Test
    void shouldNeverLeaveATerminalStateWhateverMovesFollow() {
        forAll(TRIES, PaymentPropertiesTest::moves, List::toString, moves -> {
            Payment payment = pending(Money.of(1, "USD"));
            Instant at = T0;
            Snapshot terminal = null;
            for (Move move : moves) {
                at = at.plusSeconds(1);
                try {
                    move.apply(payment, at);
                } catch (IllegalStateException refused) {
                    // an illegal move: checked by the property above
                }
                if (terminal != null) {
                    assertThat(Snapshot.of(payment)).isEqualTo(terminal);
                } else if (payment.status().isTerminal()) {
                    terminal = Snapshot.of(payment);
                }
            }
        });
    }

    @Test
    void shouldEndEveryPathFromPendingInATerminalStateWithinThreeMovesWithoutRevisitingAState() {
        List<List<PaymentStatus>> paths = new ArrayList<>();
        walk(new ArrayList<>(List.of(PaymentStatus.PENDING)), paths);
        assertThat(paths).isNotEmpty();
        for (List<PaymentStatus> path : paths) {
            assertThat(path).as("path %s", path).doesNotHaveDuplicates();
            assertThat(path.size() - 1).as("moves of %s", path).isLessThanOrEqualTo(3);
            assertThat(path.get(path.size() - 1).isTerminal()).isTrue();
        }
        Set<PaymentStatus> reached = EnumSet.noneOf(PaymentStatus.class);
        paths.forEach(reached::addAll);
        assertThat(reached).as("every state is reachable from PENDING")
                .containsExactlyInAnyOrder(PaymentStatus.values());
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(status.isTerminal()).isEqualTo(status.next().isEmpty());
            assertThat(status.next()).doesNotContain(PaymentStatus.PENDING, status);
        }
    }

    @Test
    void shouldWaitForThePayeeOnlyUntilAFutureInstantAtMicrosecondPrecision() {
        forAll(TRIES, r -> r.nextInt(3) == 0 ? r.nextLong(-2_000, 1) : r.nextLong(1, 30L * 24 * 3600 * 1_000_000_000L),
                n -> "expiry at +" + n + " ns", offset -> {
                    Payment payment = pending(Money.of(500, "EUR"));
                    Instant at = T0.plusSeconds(5);
                    Instant expiresAt = at.plusNanos(offset);
                    if (offset <= 0) {
                        assertThat(catchThrowable(() -> payment.awaitPayee(expiresAt, at)))
                                .isExactlyInstanceOf(IllegalArgumentException.class);
                        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
                        assertThat(payment.expiresAt()).isNull();
                    } else {
                        assertThat(payment.awaitPayee(expiresAt, at).expiresAt())
                                .isEqualTo(expiresAt.truncatedTo(ChronoUnit.MICROS));
                        assertThat(payment.status()).isEqualTo(PaymentStatus.AWAITING_PAYEE);
                        assertThat(payment.complete(at.plusSeconds(1)).paymentId()).isEqualTo(payment.id());
                        assertThat(payment.expiresAt()).as("a completed payment waits no more").isNull();
                    }
                });
    }

    @Test
    void shouldCreateOnlyPaymentsOfAPositiveAmountBetweenTwoDifferentUsers() {
        forAll(TRIES, r -> new Object[] {amount(r), r.nextInt(5) == 0 ? "alice" : "bob"},
                a -> a[0] + " to " + a[1], a -> {
                    long value = (long) a[0];
                    String payee = (String) a[1];
                    Money amount = Money.of(value, "EUR");
                    Instant now = T0.plusNanos(value & 0xFFFFF);
                    if (value <= 0 || payee.equals("alice")) {
                        assertThat(catchThrowable(() -> Payment.request(UUID.randomUUID(), "alice", payee, "c",
                                amount, null, "FR", now))).isExactlyInstanceOf(IllegalArgumentException.class);
                    } else {
                        Payment payment = Payment.request(UUID.randomUUID(), "alice", payee, "c", amount, null, "FR",
                                now);
                        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
                        assertThat(payment.amount()).isEqualTo(amount);
                        assertThat(payment.requested().amount()).isEqualTo(amount);
                        assertThat(payment.createdAt()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
                        assertThat(payment.involves("alice") && payment.involves(payee)).isTrue();
                    }
                });
    }

    /** Applies {@code move} and checks it did exactly what the state machine allows. */
    private static void applyAndCheck(Payment payment, Move move, Instant at) {
        Snapshot before = Snapshot.of(payment);
        boolean legal = move.target == null
                ? before.status() == PaymentStatus.PENDING || before.status() == PaymentStatus.AWAITING_PAYEE
                : before.status().canMoveTo(move.target);
        Record event = null;
        Throwable thrown = null;
        try {
            event = move.apply(payment, at);
        } catch (RuntimeException e) {
            thrown = e;
        }
        if (!legal) {
            assertThat(thrown).as("%s from %s", move, before.status()).isInstanceOf(IllegalStateException.class);
            if (move.target != null) {
                IllegalTransitionException refused = (IllegalTransitionException) thrown;
                assertThat(refused.from()).isEqualTo(before.status());
                assertThat(refused.to()).isEqualTo(move.target);
            }
            assertThat(Snapshot.of(payment)).as("unchanged after a refused %s", move).isEqualTo(before);
            return;
        }
        assertThat(thrown).as("%s from %s", move, before.status()).isNull();
        if (move.target == null) {
            assertThat(payment.networkRetryAt()).isEqualTo(at.plusSeconds(30).truncatedTo(ChronoUnit.MICROS));
            assertThat(payment.status()).isEqualTo(before.status());
            return;
        }
        assertThat(payment.status()).isEqualTo(move.target);
        assertThat(payment.updatedAt()).isEqualTo(at.truncatedTo(ChronoUnit.MICROS));
        assertThat(payment.networkRetryAt()).as("any transition clears a pending retry").isNull();
        assertThat(payment.amount()).isEqualTo(before.amount());
        assertThat(event).isNotNull();
        assertThat(Objects.toString(event)).contains(payment.id().toString());
    }

    private static void walk(List<PaymentStatus> path, List<List<PaymentStatus>> paths) {
        PaymentStatus last = path.get(path.size() - 1);
        if (last.isTerminal() || path.size() > 6) {
            paths.add(List.copyOf(path));
            return;
        }
        for (PaymentStatus next : last.next()) {
            path.add(next);
            walk(path, paths);
            path.remove(path.size() - 1);
        }
    }

    private static Payment pending(Money amount) {
        return Payment.request(UUID.randomUUID(), "alice", "bob", "conv-1", amount, "🍕", "FR", T0);
    }

    private static List<Move> moves(SplittableRandom r) {
        List<Move> moves = new ArrayList<>();
        for (int i = 0, n = r.nextInt(0, 12); i < n; i++) {
            moves.add(Move.values()[r.nextInt(Move.values().length)]);
        }
        return moves;
    }

    private static long amount(SplittableRandom r) {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        return r.nextInt(3) == 0 ? edges[r.nextInt(edges.length)] : r.nextLong(-1_000_000, 100_000_000);
    }
}
