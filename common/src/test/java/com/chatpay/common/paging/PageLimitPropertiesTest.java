package com.chatpay.common.paging;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.ErrorCodes;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PageLimit#parse}: an absent limit is the default, every decimal from 1 to {@link PageLimit#MAX}
 * is taken as is, and any other text is a 400 naming {@code limit} — never a larger page, never another exception.
 */
class PageLimitPropertiesTest {

    @Test
    void shouldTakeEveryDecimalFromOneToMaxAndRefuseEveryOtherIntegerWithA400() {
        forAll(1000, PageLimitPropertiesTest::integer, n -> "limit " + n, n -> {
            String text = Long.toString(n);
            if (n >= 1 && n <= PageLimit.MAX) {
                assertThat((long) PageLimit.parse(text)).isEqualTo(n);
            } else {
                assertThatThrownBy(() -> PageLimit.parse(text)).isInstanceOfSatisfying(ApiException.class,
                        PageLimitPropertiesTest::assertLimit400);
            }
        });
    }

    @Test
    void shouldAnswerAnyTextWithTheDefaultAPageSizeInRangeOrA400OnLimit() {
        forAll(2000, PageLimitPropertiesTest::text, t -> "limit text '" + t + "'", text -> {
            int limit;
            try {
                limit = PageLimit.parse(text);
            } catch (ApiException e) {
                assertLimit400(e);
                return;
            } catch (RuntimeException e) {
                throw new AssertionError("not a 400 but " + e, e);
            }
            if (text == null || text.isEmpty()) {
                assertThat(limit).isEqualTo(PageLimit.DEFAULT);
            } else {
                assertThat(limit).isBetween(1, PageLimit.MAX);
            }
        });
    }

    private static void assertLimit400(ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(ErrorCodes.VALIDATION_FAILED);
        assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("limit"));
    }

    /** Integers around the bounds (0, 1, MAX, MAX + 1), negative, beyond int, and anywhere. */
    private static long integer(SplittableRandom r) {
        long[] edges = {0, 1, 2, PageLimit.MAX - 1, PageLimit.MAX, PageLimit.MAX + 1, -1, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE};
        return switch (r.nextInt(3)) {
            case 0 -> edges[r.nextInt(edges.length)];
            case 1 -> r.nextLong(-50, 200);
            default -> r.nextLong();
        };
    }

    /** Null, empty, decimals with signs, spaces, fractions, exponents, non-ASCII digits and random text. */
    private static String text(SplittableRandom r) {
        int n = (int) r.nextLong(-20, 140);
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> Integer.toString(n);
            case 3 -> "+" + n;
            case 4 -> " " + n;
            case 5 -> n + ".0";
            case 6 -> n + "e0";
            case 7 -> "0x" + Integer.toHexString(n);
            case 8 -> "\u0661\u0660";
            case 9 -> "99999999999999999999";
            default -> {
                String alphabet = "0123456789-+. eExX\u00a0\u0665\uff15a";
                StringBuilder text = new StringBuilder();
                for (int i = 0, length = r.nextInt(1, 8); i < length; i++) {
                    text.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                yield text.toString();
            }
        };
    }
}
