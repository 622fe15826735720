package com.chatpay.onboarding.card;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link CardRules} and {@link CardNumber}: every Luhn-valid VISA or Mastercard number of 13 to 19
 * digits with a current expiry and a 3-digit CVC is accepted; any single mistyped digit, any other length, any other
 * brand is refused on {@code number}; the expiry is judged in UTC against the clock, whatever the clock's zone; and no
 * input makes the rules throw or echo the number. Failures never show a number or CVC, only their shape.
 */
class CardRulesPropertiesTest {

    private static final int TRIES = 1000;
    private static final Set<String> FIELDS = Set.of("number", "expiryMonth", "expiryYear", "cvc");
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"),
            ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("America/New_York"));

    /** A generated card request and the clock it is checked against. */
    record Case(CardRequest request, Clock clock, String digits) {
        @Override
        public String toString() {
            return digits.length() + "-digit number, expiry " + request.expiryMonth() + "/" + request.expiryYear()
                    + " at " + clock.instant() + " (" + clock.getZone() + ")";
        }
    }

    @Test
    void shouldAcceptEveryLuhnValidVisaOrMastercardOf13To19DigitsWithACurrentExpiry() {
        forAll(TRIES, CardRulesPropertiesTest::validCase, String::valueOf, c -> {
            CardRules.Result result = CardRules.check(c.request(), c.clock());
            assertThat(result.errors()).isEmpty();
            CardRules.ValidCard card = result.card();
            // booleans only: a failure must not print the number or CVC
            assertThat(card.pan().equals(c.digits())).as("the number is the typed digits").isTrue();
            assertThat(card.brand()).isEqualTo(c.digits().charAt(0) == '4' ? CardBrand.VISA : CardBrand.MASTERCARD);
            assertThat(card.last4().equals(c.digits().substring(c.digits().length() - 4))).as("last 4").isTrue();
            assertThat(card.expiry()).isEqualTo(YearMonth.of(c.request().expiryYear(), c.request().expiryMonth()));
            assertThat(card.cvc().equals(c.request().cvc())).as("the CVC").isTrue();
            assertThat(card.toString().contains(c.digits())).as("toString shows the number").isFalse();
        });
    }

    @Test
    void shouldRefuseAnySingleMistypedDigitOfAValidNumber() {
        forAll(TRIES, r -> {
            Case valid = validCase(r);
            char[] digits = valid.digits().toCharArray();
            int at = r.nextInt(digits.length);
            digits[at] = (char) ('0' + (digits[at] - '0' + r.nextInt(1, 10)) % 10);
            String mistyped = new String(digits);
            CardRequest request = valid.request();
            return new Case(new CardRequest(mistyped, request.expiryMonth(), request.expiryYear(), request.cvc()),
                    valid.clock(), mistyped);
        }, String::valueOf, c -> {
            assertThat(CardNumber.passesLuhn(c.digits())).isFalse();
            assertThat(CardRules.check(c.request(), c.clock()).errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("number");
                assertThat(e.message()).isEqualTo("is not a valid card number");
            });
        });
    }

    @Test
    void shouldRefuseALuhnValidNumberShorterThan13OrLongerThan19Digits() {
        forAll(TRIES, r -> {
            Case valid = validCase(r);
            int length = r.nextBoolean() ? r.nextInt(1, CardNumber.MIN_LENGTH)
                    : r.nextInt(CardNumber.MAX_LENGTH + 1, 30);
            String digits = withCheckDigit(valid.digits().charAt(0) + randomDigits(r, Math.max(0, length - 2)),
                    length);
            CardRequest request = valid.request();
            return new Case(new CardRequest(digits, request.expiryMonth(), request.expiryYear(), request.cvc()),
                    valid.clock(), digits);
        }, String::valueOf, c -> {
            assertThat(CardNumber.passesLuhn(c.digits())).isTrue();
            assertThat(CardRules.check(c.request(), c.clock()).errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("number");
                assertThat(e.message()).isEqualTo(c.digits().isEmpty() ? "is required" : "must have 13 to 19 digits");
            });
        });
    }

    @Test
    void shouldAcceptOnlyVisaAndMastercardRangesAmongValidNumbers() {
        forAll(TRIES, r -> {
            Case valid = validCase(r);
            int length = r.nextInt(CardNumber.MIN_LENGTH, CardNumber.MAX_LENGTH + 1);
            String prefix = r.nextBoolean() ? String.valueOf(r.nextInt(10)) : String.valueOf(r.nextInt(2000, 2900));
            String digits = withCheckDigit(prefix + randomDigits(r, length - 1 - prefix.length()), length);
            CardRequest request = valid.request();
            return new Case(new CardRequest(digits, request.expiryMonth(), request.expiryYear(), request.cvc()),
                    valid.clock(), digits);
        }, c -> c + " starting " + c.digits().substring(0, 4), c -> {
            String d = c.digits();
            int two = Integer.parseInt(d.substring(0, 2));
            int four = Integer.parseInt(d.substring(0, 4));
            boolean supported = d.charAt(0) == '4' || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720);
            List<FieldError> errors = CardRules.check(c.request(), c.clock()).errors();
            if (supported) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("number");
                    assertThat(e.message()).startsWith("card brand not supported");
                });
            }
        });
    }

    @Test
    void shouldAcceptAnExpiryThroughTheEndOfItsMonthInUtcAndAtMostTwentyYearsAheadWhateverTheClockZone() {
        forAll(TRIES * 2, r -> {
            Case valid = validCase(r);
            int year = YearMonth.now(valid.clock().withZone(ZoneOffset.UTC)).getYear();
            Integer month = r.nextInt(12) == 0 ? null : r.nextInt(-1, 15);
            Integer expiryYear = switch (r.nextInt(12)) {
                case 0 -> null;
                case 1 -> r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                case 2 -> year % 100;
                default -> year + r.nextInt(-2, CardRules.MAX_YEARS_AHEAD + 3);
            };
            CardRequest request = valid.request();
            return new Case(new CardRequest(request.number(), month, expiryYear, request.cvc()), valid.clock(),
                    valid.digits());
        }, String::valueOf, c -> {
            YearMonth now = YearMonth.now(c.clock().withZone(ZoneOffset.UTC));
            Integer month = c.request().expiryMonth();
            Integer year = c.request().expiryYear();
            boolean valid = month != null && year != null && month >= 1 && month <= 12
                    && year >= now.getYear() && year <= now.getYear() + CardRules.MAX_YEARS_AHEAD
                    && !YearMonth.of(year, month).isBefore(now);
            List<FieldError> errors = CardRules.check(c.request(), c.clock()).errors();
            if (valid) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.field()).isIn("expiryMonth", "expiryYear"));
            }
        });
    }

    @Test
    void shouldNeverThrowNorEchoTheNumberOrCvcWhateverTheRequest() {
        forAll(TRIES * 2, CardRulesPropertiesTest::anyCase, c -> "a request with a " + length(c.request().number())
                + "-char number and a " + length(c.request().cvc()) + "-char CVC", c -> {
                    CardRules.Result result = CardRules.check(c.request(), c.clock());
                    assertThat(result.valid()).isEqualTo(result.card() != null);
                    List<String> fields = result.errors().stream().map(FieldError::field).toList();
                    assertThat(FIELDS).containsAll(fields);
                    assertThat(fields).doesNotHaveDuplicates();
                    for (FieldError error : result.errors()) {
                        for (String secret : new String[] {c.request().number(), c.request().cvc()}) {
                            // a secret is digits: arbitrary text of 3 chars ("git") can stand in any message
                            if (secret != null && secret.strip().matches("[0-9]{3,}")) {
                                assertThat(error.message().contains(secret.strip())).as("echoes a secret").isFalse();
                            }
                        }
                    }
                    String number = c.request().number();
                    if (number != null && number.length() >= 3) {
                        assertThat(c.request().toString().contains(number)).as("the request shows its number")
                                .isFalse();
                    }
                });
    }

    // --- generators ---

    /** A VISA or Mastercard number of 13 to 19 digits with a Luhn check digit, maybe grouped with spaces. */
    private static Case validCase(SplittableRandom r) {
        int length = r.nextInt(CardNumber.MIN_LENGTH, CardNumber.MAX_LENGTH + 1);
        String prefix = switch (r.nextInt(3)) {
            case 0 -> "4";
            case 1 -> String.valueOf(r.nextInt(51, 56));
            default -> String.valueOf(r.nextInt(2221, 2721));
        };
        String digits = withCheckDigit(prefix + randomDigits(r, length - 1 - prefix.length()), length);
        String typed = r.nextBoolean() ? digits : grouped(digits);
        Clock clock = clock(r);
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        YearMonth expiry = now.plusMonths(r.nextInt(4) == 0 ? 0 : r.nextInt(0, 12 * CardRules.MAX_YEARS_AHEAD));
        if (expiry.getYear() > now.getYear() + CardRules.MAX_YEARS_AHEAD) {
            expiry = YearMonth.of(now.getYear() + CardRules.MAX_YEARS_AHEAD, 12);
        }
        return new Case(new CardRequest(typed, expiry.getMonthValue(), expiry.getYear(), randomDigits(r, 3)), clock,
                digits);
    }

    /** Clocks in several zones, often at the first or last instant of a UTC month, when expiries change. */
    private static Clock clock(SplittableRandom r) {
        LocalDateTime month = LocalDateTime.of(r.nextInt(2020, 2060), r.nextInt(1, 13), 1, 0, 0);
        Instant at = switch (r.nextInt(4)) {
            case 0 -> month.toInstant(ZoneOffset.UTC);
            case 1 -> month.toInstant(ZoneOffset.UTC).minusNanos(1);
            default -> month.toInstant(ZoneOffset.UTC).plusSeconds(r.nextLong(0, 31L * 24 * 3600));
        };
        return Clock.fixed(at, ZONES.get(r.nextInt(ZONES.size())));
    }

    private static Case anyCase(SplittableRandom r) {
        Case valid = validCase(r);
        String number = switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> valid.request().number();
            case 2 -> valid.digits().replace('1', '\u0661');
            default -> anyText(r);
        };
        String cvc = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> randomDigits(r, r.nextInt(0, 6));
            default -> anyText(r);
        };
        Integer[] integers = {null, 0, 1, 12, 13, -1, 2026, 99, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return new Case(new CardRequest(number, integers[r.nextInt(integers.length)],
                integers[r.nextInt(integers.length)], cvc), valid.clock(), valid.digits());
    }

    private static String anyText(SplittableRandom r) {
        String alphabet = "0123456789   -\u00a0\u0661\uff11a\u0000\n\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(0, 25); i < n; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String randomDigits(SplittableRandom r, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return digits.toString();
    }

    /** {@code payload} cut or padded to {@code length - 1} digits, then the Luhn check digit (computed here). */
    private static String withCheckDigit(String payload, int length) {
        if (length == 0) {
            return "";
        }
        StringBuilder body = new StringBuilder(payload.length() >= length - 1 ? payload.substring(0, length - 1)
                : payload + "0".repeat(length - 1 - payload.length()));
        int sum = 0;
        for (int i = body.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = body.charAt(i) - '0';
            sum += position % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return body.append((10 - sum % 10) % 10).toString();
    }

    private static String grouped(String digits) {
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                typed.append(' ');
            }
            typed.append(digits.charAt(i));
        }
        return typed.toString();
    }

    private static int length(String s) {
        return s == null ? -1 : s.length();
    }
}
