package com.chatpay.limits.usage;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.limits.policy.LimitWindow;
import com.chatpay.limits.policy.Policy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the limit decisions ({@link LimitRules}) over random histories of reserve, consume, release and refund
 * under a moving clock, with rolling-day and calendar-month windows in several time zones: used + reserved never
 * exceeds the window maximum, nor the payments the velocity cap; a refused reservation changes nothing and names the
 * first rule it breaks; a granted one promises the headroom that is then computed; and a consumed amount counts
 * exactly from its consumption until its window releases it.
 */
class LimitRulesPropertiesTest {

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"),
            ZoneId.of("America/Santiago"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Chatham"));

    /** One payment's reservation, as limits-service keeps it (status, amount, when it was consumed). */
    static final class Row {
        final long amount;
        ReservationStatus status = ReservationStatus.RESERVED;
        Instant consumedAt;

        Row(long amount) {
            this.amount = amount;
        }
    }

    /** A user's reservations under a policy, driven through the service's moves. */
    static final class Account {
        final Policy policy;
        final List<Row> rows = new ArrayList<>();
        Instant now = T0;

        Account(Policy policy) {
            this.policy = policy;
        }

        /** What the repository loads for a decision at {@code now}: held reservations and recent consumptions. */
        List<LimitRules.Counted> history() {
            Instant start = policy.window().start(now);
            List<LimitRules.Counted> counted = new ArrayList<>();
            for (Row row : rows) {
                if (row.status == ReservationStatus.RESERVED) {
                    counted.add(LimitRules.Counted.reserved(row.amount));
                } else if (row.status == ReservationStatus.CONSUMED && !row.consumedAt.isBefore(start)) {
                    counted.add(LimitRules.Counted.consumed(row.amount, row.consumedAt));
                }
            }
            return counted;
        }

        LimitRules.Headroom headroom() {
            return LimitRules.headroom(policy, history(), now);
        }
    }

    @Test
    void shouldKeepUsedPlusReservedWithinThePolicyAndRefuseWithoutChangingAnythingWhateverTheHistory() {
        forAll(400, r -> new Object[] {policy(r), r.nextLong()}, a -> a[0] + " (history seed " + a[1] + ")", a -> {
            Policy policy = (Policy) a[0];
            Account account = new Account(policy);
            SplittableRandom r = new SplittableRandom((long) a[1]);
            for (int step = 0, steps = r.nextInt(1, 80); step < steps; step++) {
                switch (r.nextInt(7)) {
                    case 0, 1 -> reserve(account, r);
                    case 2 -> consume(account, r);
                    case 3 -> release(account, r);
                    case 4 -> refund(account, r);
                    default -> advance(account, r);
                }
                LimitRules.Headroom h = account.headroom();
                assertThat(h.used().value() + h.reserved().value()).as("used + reserved at step %d", step)
                        .isLessThanOrEqualTo(policy.windowMax());
                assertThat(h.remaining().value())
                        .isEqualTo(policy.windowMax() - h.used().value() - h.reserved().value());
                if (policy.maxPaymentsPerWindow() != null) {
                    assertThat(h.payments()).isLessThanOrEqualTo(policy.maxPaymentsPerWindow());
                }
                assertThat(h.used().value()).as("used at step %d", step).isEqualTo(expectedUsed(account));
            }
        });
    }

    @Test
    void shouldCountAConsumedAmountExactlyFromItsConsumptionUntilItsWindowReleasesIt() {
        forAll(2000, r -> {
            Policy policy = policy(r);
            Instant consumedAt = switch (r.nextInt(3)) {
                case 0 -> policy.window().start(T0.plus(Duration.ofDays(r.nextInt(0, 400))));
                case 1 -> policy.window().releaseOf(T0.plus(Duration.ofDays(r.nextInt(0, 400))));
                default -> T0.plusSeconds(r.nextLong(0, 400L * 24 * 3600));
            };
            Instant release = policy.window().releaseOf(consumedAt);
            Instant now = switch (r.nextInt(6)) {
                case 0 -> consumedAt;
                case 1 -> consumedAt.minusNanos(1);
                case 2 -> release.minusNanos(1);
                case 3 -> release;
                case 4 -> policy.window().start(release);
                default -> consumedAt.plusSeconds(r.nextLong(0, 40L * 24 * 3600));
            };
            return new Object[] {policy, consumedAt, now};
        }, a -> a[0] + " consumed at " + a[1] + ", now " + a[2], a -> {
            Policy policy = (Policy) a[0];
            Instant consumedAt = (Instant) a[1];
            Instant now = (Instant) a[2];
            Instant release = policy.window().releaseOf(consumedAt);
            boolean counts = !consumedAt.isAfter(now) && release.isAfter(now);
            LimitRules.Headroom h = LimitRules.headroom(policy, List.of(LimitRules.Counted.consumed(7, consumedAt)),
                    now);
            assertThat(release).isAfter(consumedAt);
            assertThat(h.used().value()).isEqualTo(counts ? 7 : 0);
            assertThat(h.nextReleaseAt()).isEqualTo(counts ? release : null);
            if (counts) {
                assertThat(consumedAt).as("what counts is loaded: not before the window start")
                        .isAfterOrEqualTo(policy.window().start(now));
            }
        });
    }

    @Test
    void shouldRefuseAnAmountOverThePerPaymentMaximumOrInAnotherCurrencyWhateverTheHeadroom() {
        forAll(1000, r -> {
            Policy policy = policy(r);
            boolean otherCurrency = r.nextBoolean();
            long amount = otherCurrency ? r.nextLong(1, policy.perPaymentMax() + 1)
                    : policy.perPaymentMax() + r.nextLong(1, 1_000_000);
            return new Object[] {policy, Money.of(amount, otherCurrency ? "USD" : "EUR")};
        }, a -> a[1] + " under " + a[0], a -> {
            Policy policy = (Policy) a[0];
            Money amount = (Money) a[1];
            LimitRules.Decision decision = LimitRules.decide(policy, List.of(), amount, T0);
            assertThat(decision.reserved()).isFalse();
            assertThat(decision.reason()).isEqualTo(amount.currency().equals(policy.currency())
                    ? LimitRules.LIMIT_PER_PAYMENT_EXCEEDED : LimitRules.CURRENCY_NOT_SUPPORTED);
            assertThat(decision.headroom()).isEqualTo(LimitRules.headroom(policy, List.of(), T0));
        });
    }

    // --- the moves ---

    private static void reserve(Account account, SplittableRandom r) {
        Policy policy = account.policy;
        LimitRules.Headroom before = account.headroom();
        long amount = switch (r.nextInt(5)) {
            case 0 -> before.remaining().value() + r.nextLong(-1, 2);
            case 1 -> policy.perPaymentMax() + r.nextLong(-1, 2);
            case 2 -> 1;
            default -> r.nextLong(1, policy.perPaymentMax() + 1);
        };
        Money money = Money.of(Math.max(1, amount), r.nextInt(20) == 0 ? "USD" : "EUR");
        LimitRules.Decision decision = LimitRules.decide(policy, account.history(), money, account.now);
        String firstBroken = !money.currency().equals(policy.currency()) ? LimitRules.CURRENCY_NOT_SUPPORTED
                : money.value() > policy.perPaymentMax() ? LimitRules.LIMIT_PER_PAYMENT_EXCEEDED
                : policy.maxPaymentsPerWindow() != null && before.payments() >= policy.maxPaymentsPerWindow()
                        ? LimitRules.LIMIT_VELOCITY_EXCEEDED
                : money.value() > before.remaining().value() ? LimitRules.LIMIT_WINDOW_EXCEEDED : null;
        assertThat(decision.reason()).isEqualTo(firstBroken);
        if (!decision.reserved()) {
            assertThat(decision.headroom()).isEqualTo(before);
            assertThat(account.headroom()).as("a refusal changes nothing").isEqualTo(before);
            return;
        }
        account.rows.add(new Row(money.value()));
        LimitRules.Headroom after = account.headroom();
        assertThat(decision.headroom()).as("the headroom a reservation promises").isEqualTo(after);
        assertThat(after.reserved().value()).isEqualTo(before.reserved().value() + money.value());
        assertThat(after.remaining().value()).isEqualTo(before.remaining().value() - money.value());
        assertThat(after.payments()).isEqualTo(before.payments() + 1);
    }

    private static void consume(Account account, SplittableRandom r) {
        pick(account, ReservationStatus.RESERVED, r).ifPresent(row -> {
            LimitRules.Headroom before = account.headroom();
            row.status = ReservationStatus.CONSUMED;
            row.consumedAt = account.now;
            LimitRules.Headroom after = account.headroom();
            assertThat(after.used().value() + after.reserved().value())
                    .as("consuming a reservation moves it from reserved to used")
                    .isEqualTo(before.used().value() + before.reserved().value());
        });
    }

    private static void release(Account account, SplittableRandom r) {
        pick(account, ReservationStatus.RESERVED, r).ifPresent(row -> row.status = ReservationStatus.RELEASED);
    }

    private static void refund(Account account, SplittableRandom r) {
        pick(account, ReservationStatus.CONSUMED, r).ifPresent(row -> {
            if (account.policy.refundRestoresHeadroom()) {
                row.status = ReservationStatus.REFUNDED;
            }
        });
    }

    /** Time passes: a little, days, or exactly to the next release, when headroom comes back. */
    private static void advance(Account account, SplittableRandom r) {
        Instant next = account.headroom().nextReleaseAt();
        account.now = switch (r.nextInt(4)) {
            case 0 -> next != null ? next : account.now.plusSeconds(1);
            case 1 -> account.now.plusSeconds(r.nextLong(1, 3600));
            case 2 -> account.policy.window().releaseOf(account.now);
            default -> account.now.plus(Duration.ofHours(r.nextLong(1, 24 * 20)));
        };
    }

    private static java.util.Optional<Row> pick(Account account, ReservationStatus status, SplittableRandom r) {
        List<Row> candidates = account.rows.stream().filter(row -> row.status == status).toList();
        return candidates.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(candidates.get(r.nextInt(candidates.size())));
    }

    /** What is used at the account's now: consumed amounts from their consumption until their release. */
    private static long expectedUsed(Account account) {
        long used = 0;
        for (Row row : account.rows) {
            if (row.status == ReservationStatus.CONSUMED && !row.consumedAt.isAfter(account.now)
                    && account.policy.window().releaseOf(row.consumedAt).isAfter(account.now)) {
                used += row.amount;
            }
        }
        return used;
    }

    // --- generators ---

    /** EUR policies: small or large maxima, rolling 1–40 days or calendar months in several zones, maybe a cap. */
    private static Policy policy(SplittableRandom r) {
        long windowMax = r.nextBoolean() ? r.nextLong(1, 100) : r.nextLong(100, 1_000_000);
        long perPayment = r.nextInt(4) == 0 ? windowMax : r.nextLong(1, windowMax + 1);
        LimitWindow window = r.nextBoolean() ? new LimitWindow.RollingDays(r.nextInt(1, 41))
                : new LimitWindow.CalendarMonth(ZONES.get(r.nextInt(ZONES.size())));
        Integer cap = r.nextBoolean() ? null : r.nextInt(1, 12);
        return new Policy("FR", "EUR", perPayment, windowMax, window, cap, r.nextBoolean());
    }
}
