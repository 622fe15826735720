package com.chatpay.common.money;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Money}: only upper-case ISO 4217 codes the JDK knows make money, arithmetic in minor units is
 * exact or refused (never wraps), and no operation mixes two currencies. Inputs are drawn at random, biased to the
 * edges (0, ±1, Long.MIN/MAX, look-alike codes).
 */
class MoneyPropertiesTest {

    private static final int TRIES = 1000;
    private static final List<String> JDK_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).sorted().toList();

    @Test
    void shouldMakeMoneyExactlyWhenTheCurrencyIsAnUpperCaseIso4217CodeTheJdkKnows() {
        forAll(TRIES, MoneyPropertiesTest::currencyCandidate, c -> "currency '" + c + "'", code -> {
            boolean known = code.matches("[A-Z]{3}") && JDK_CODES.contains(code);
            assertThat(Money.isKnownCurrency(code)).isEqualTo(known);
            if (known) {
                assertThat(Money.of(1, code).currency()).isEqualTo(code);
            } else {
                assertThatThrownBy(() -> Money.of(1, code)).isExactlyInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    @Test
    void shouldAddAndSubtractExactlyOrRefuseOverflowWhenTheCurrenciesMatch() {
        forAll(TRIES, r -> new long[] {amount(r), amount(r)}, p -> p[0] + " and " + p[1], p -> {
            Money a = Money.of(p[0], "EUR");
            Money b = Money.of(p[1], "EUR");
            BigInteger sum = BigInteger.valueOf(p[0]).add(BigInteger.valueOf(p[1]));
            BigInteger difference = BigInteger.valueOf(p[0]).subtract(BigInteger.valueOf(p[1]));
            if (sum.bitLength() < Long.SIZE) {
                assertThat(a.plus(b)).isEqualTo(Money.of(sum.longValueExact(), "EUR"));
                assertThat(a.plus(b).minus(b)).isEqualTo(a);
            } else {
                assertThatThrownBy(() -> a.plus(b)).isInstanceOf(ArithmeticException.class);
            }
            if (difference.bitLength() < Long.SIZE) {
                assertThat(a.minus(b)).isEqualTo(Money.of(difference.longValueExact(), "EUR"));
            } else {
                assertThatThrownBy(() -> a.minus(b)).isInstanceOf(ArithmeticException.class);
            }
        });
    }

    @Test
    void shouldRefuseEveryOperationThatMixesTwoCurrencies() {
        forAll(TRIES, r -> {
            String first = JDK_CODES.get(r.nextInt(JDK_CODES.size()));
            String second = JDK_CODES.get(r.nextInt(JDK_CODES.size()));
            while (second.equals(first)) {
                second = JDK_CODES.get(r.nextInt(JDK_CODES.size()));
            }
            return List.of(Money.of(amount(r), first), Money.of(amount(r), second));
        }, String::valueOf, pair -> {
            Money a = pair.get(0);
            Money b = pair.get(1);
            assertThatThrownBy(() -> a.plus(b)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.minus(b)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.compareTo(b)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.isGreaterThan(b)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(a).isNotEqualTo(b);
        });
    }

    @Test
    void shouldOrderAmountsOfOneCurrencyByTheirMinorUnits() {
        forAll(TRIES, r -> new long[] {amount(r), r.nextInt(4) == 0 ? 0 : amount(r)}, p -> p[0] + " vs " + p[1],
                p -> {
                    Money a = Money.of(p[0], "USD");
                    Money b = Money.of(p[1], "USD");
                    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(Long.compare(p[0], p[1])));
                    assertThat(a.isGreaterThan(b)).isEqualTo(p[0] > p[1]);
                    assertThat(a.isPositive()).isEqualTo(p[0] > 0);
                    assertThat(a.equals(b)).isEqualTo(p[0] == p[1]);
                });
    }

    /** Known codes, their lower/mixed-case and padded look-alikes, random letter triples and random short text. */
    static String currencyCandidate(SplittableRandom r) {
        String known = JDK_CODES.get(r.nextInt(JDK_CODES.size()));
        return switch (r.nextInt(7)) {
            case 0, 1 -> known;
            case 2 -> known.toLowerCase(Locale.ROOT);
            case 3 -> known.charAt(0) + known.substring(1).toLowerCase(Locale.ROOT);
            case 4 -> r.nextBoolean() ? " " + known : known + "\n";
            case 5 -> "" + letter(r) + letter(r) + letter(r);
            default -> randomText(r, r.nextInt(6));
        };
    }

    private static char letter(SplittableRandom r) {
        return (char) ('A' + r.nextInt(26));
    }

    /** Text mixing ASCII, Latin-1, full-width letters and look-alikes such as the Turkish dotless i. */
    private static String randomText(SplittableRandom r, int length) {
        String alphabet = "ABCDEUSRXabcdeu0129 -éÉıİＡＢＣ€$\u0000\u007f";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Amounts in minor units, one in three an edge: 0, ±1, Long.MIN/MAX and their neighbours. */
    static long amount(SplittableRandom r) {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};
        return switch (r.nextInt(3)) {
            case 0 -> edges[r.nextInt(edges.length)];
            case 1 -> r.nextLong(-1_000_000_000L, 1_000_000_000L);
            default -> r.nextLong();
        };
    }
}
