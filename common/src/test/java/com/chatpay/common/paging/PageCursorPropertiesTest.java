package com.chatpay.common.paging;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PageCursor}: what it encodes for a list decodes back for that list (microsecond precision),
 * and any text a client may send back is either a cursor this service issued for the list or a 400 naming the
 * {@code cursor} parameter — never another exception.
 */
class PageCursorPropertiesTest {

    private static final int TRIES = 1000;
    private static final String LIST = "feed";
    /** Where encoding in microseconds since the epoch is exact: about 1680 to 2260, well around real timestamps. */
    private static final long MAX_SECONDS = 9_000_000_000L;

    @Test
    void shouldDecodeWhatItEncodedForTheSameListAtMicrosecondPrecision() {
        forAll(TRIES, r -> new Object[] {listName(r), cursor(r)}, a -> a[0] + " " + a[1], a -> {
            String list = (String) a[0];
            PageCursor cursor = (PageCursor) a[1];
            String text = cursor.encode(list);
            assertThat(text).matches("[A-Za-z0-9_-]+");
            assertThat(PageCursor.decode(list, text)).isEqualTo(cursor);
        });
    }

    @Test
    void shouldRefuseACursorOfAnotherListAsA400OnTheCursorParameter() {
        forAll(TRIES, r -> new Object[] {listName(r), listName(r), cursor(r)}, a -> a[0] + " / " + a[1], a -> {
            String issuedFor = (String) a[0];
            String askedFor = (String) a[1];
            String text = ((PageCursor) a[2]).encode(issuedFor);
            if (issuedFor.equals(askedFor)) {
                assertThat(PageCursor.decode(askedFor, text)).isEqualTo(a[2]);
            } else {
                assertRefusedAsCursor400(askedFor, text);
            }
        });
    }

    @Test
    void shouldAnswerAnyClientTextWithTheFirstPageACursorOrA400OnTheCursorParameter() {
        forAll(TRIES * 3, PageCursorPropertiesTest::clientText, t -> "cursor text '" + t + "'", text -> {
            PageCursor decoded;
            try {
                decoded = PageCursor.decode(LIST, text);
            } catch (ApiException e) {
                assertCursor400(e);
                return;
            } catch (RuntimeException e) {
                throw new AssertionError("not a 400 but " + e, e);
            }
            if (text == null || text.isEmpty()) {
                assertThat(decoded).as("no cursor is the first page").isNull();
            } else {
                assertThat(decoded).isNotNull();
            }
        });
    }

    @Test
    void shouldAcceptOnlyTheExactTextItIssuesForTheList() {
        forAll(TRIES * 3, PageCursorPropertiesTest::clientText, t -> "cursor text '" + t + "'", text -> {
            PageCursor decoded;
            try {
                decoded = PageCursor.decode(LIST, text);
            } catch (ApiException e) {
                return;
            }
            if (decoded != null) {
                assertThat(decoded.encode(LIST)).as("the cursor this service would have issued").isEqualTo(text);
            }
        });
    }

    private static void assertRefusedAsCursor400(String list, String text) {
        try {
            PageCursor.decode(list, text);
            fail("accepted a cursor that was not issued for " + list);
        } catch (ApiException e) {
            assertCursor400(e);
        }
    }

    private static void assertCursor400(ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(ErrorCodes.VALIDATION_FAILED);
        assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("cursor"));
    }

    /** List names as the services use them: lower-case words with hyphens. */
    private static String listName(SplittableRandom r) {
        String[] known = {"feed", "deliveries", "payments", "disputes", "feed-archive"};
        if (r.nextBoolean()) {
            return known[r.nextInt(known.length)];
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0, n = r.nextInt(1, 12); i < n; i++) {
            name.append("abcdefghijklmnopqrstuvwxyz-".charAt(r.nextInt(27)));
        }
        return name.toString();
    }

    /** A position at microsecond precision, before or after the epoch, edges included. */
    private static PageCursor cursor(SplittableRandom r) {
        Instant createdAt = switch (r.nextInt(5)) {
            case 0 -> Instant.EPOCH.plusNanos(1000L * r.nextInt(-2, 3));
            case 1 -> Instant.parse("2026-11-27T00:00:00Z").plusNanos(1000L * r.nextLong(-100_000_000_000L, 1L << 40));
            default -> Instant.ofEpochSecond(r.nextLong(-MAX_SECONDS, MAX_SECONDS), 1000L * r.nextInt(1_000_000));
        };
        return new PageCursor(createdAt, new UUID(r.nextLong(), r.nextLong()));
    }

    /**
     * What a client may send back: issued cursors, their near misses (another list, a sign, leading zeros, upper-case
     * or short UUID forms, padding, extra parts, huge numbers), random base64url and random text.
     */
    private static String clientText(SplittableRandom r) {
        PageCursor issued = cursor(r);
        long micros = r.nextInt(4) == 0 ? pick(r, 0, -1, Long.MAX_VALUE, Long.MIN_VALUE)
                : r.nextLong(-(1L << 52), 1L << 52);
        String uuid = issued.id().toString();
        String raw = switch (r.nextInt(12)) {
            case 0 -> LIST + ":" + micros + ":" + uuid;
            case 1 -> LIST + ":+" + Math.abs(micros % 1_000_000_000L) + ":" + uuid;
            case 2 -> LIST + ":00" + Math.abs(micros % 1_000_000_000L) + ":" + uuid;
            case 3 -> LIST + ":" + micros + ":" + uuid.toUpperCase(Locale.ROOT);
            case 4 -> LIST + ":" + micros + ":" + r.nextInt(16) + "-" + r.nextInt(16) + "-1-1-" + r.nextInt(99);
            case 5 -> LIST + ":" + micros + ":" + uuid + ":" + r.nextInt(9);
            case 6 -> LIST + ":" + micros + "9999999999:" + uuid;
            case 7 -> LIST.toUpperCase(Locale.ROOT) + ":" + micros + ":" + uuid;
            case 8 -> LIST + ":" + micros;
            case 9 -> LIST + "::" + uuid;
            case 10 -> LIST + ":" + micros + ".5:" + uuid;
            default -> randomText(r, r.nextInt(0, 60));
        };
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> issued.encode(LIST);
            case 3 -> issued.encode(LIST) + "=";
            case 4 -> Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            case 5 -> randomText(r, r.nextInt(1, 40));
            case 6 -> encoded.substring(0, r.nextInt(encoded.length() + 1));
            default -> encoded;
        };
    }

    private static long pick(SplittableRandom r, long... values) {
        return values[r.nextInt(values.length)];
    }

    private static String randomText(SplittableRandom r, int length) {
        String alphabet = "ABCZabcz0189-_+/=: .%\u00e9\u0000\n\u202e\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
