package com.chatpay.common.problem;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.chatpay.common.money.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of request bodies read with {@link StrictJson}: whatever text a client sends, reading it either gives the
 * body or fails with a Jackson error that {@link ProblemMappers} answers with a 400 problem (never a 500), every
 * sloppy encoding of a valid body is refused with a 400, and every body written is read back unchanged.
 */
class StrictJsonPropertiesTest {

    /** A request body shaped like the services' ones: money, text, an int and a long. */
    record Body(Money amount, String message, int count, long total) {
    }

    private static final ObjectMapper MAPPER = strictMapper();
    private static final ProblemMappers PROBLEMS = new ProblemMappers();
    private static final Set<String> CLIENT_ERROR_CODES =
            Set.of(ErrorCodes.VALIDATION_FAILED, ErrorCodes.MALFORMED_JSON);

    @Test
    void shouldReadAnyTextAsTheBodyOrAnswerA400ProblemNeverAnotherFailure() {
        forAll(1000, StrictJsonPropertiesTest::clientText, t -> "body '" + escaped(t) + "'", text -> {
            try {
                Body body = MAPPER.readValue(text, Body.class);
                if (body == null) {
                    // only the JSON null literal reads as no body, which the resources refuse with @NotNull
                    assertThat(text.strip()).isEqualTo("null");
                }
            } catch (JsonProcessingException e) {
                Response response = answer(e);
                assertThat(response.getStatus()).as("status of %s", e.getClass().getSimpleName()).isEqualTo(400);
                assertThat(CLIENT_ERROR_CODES).contains(code(response));
            } catch (Exception e) {
                throw new AssertionError("not a JSON error but " + e, e);
            }
        });
    }

    @Test
    void shouldRefuseEverySloppyEncodingOfAValidBodyWithA400NamingTheField() {
        forAll(1000, r -> new Object[] {body(r), r.nextInt(Sloppiness.values().length)},
                a -> Sloppiness.values()[(int) a[1]] + " of " + escaped(String.valueOf(a[0])), a -> {
                    Body body = (Body) a[0];
                    Sloppiness sloppiness = Sloppiness.values()[(int) a[1]];
                    String text = sloppiness.apply(body);
                    try {
                        Body read = MAPPER.readValue(text, Body.class);
                        fail("accepted " + sloppiness + " as " + read);
                    } catch (JsonProcessingException e) {
                        Response response = answer(e);
                        assertThat(response.getStatus()).isEqualTo(400);
                        if (sloppiness.field == null) {
                            assertThat(code(response)).isEqualTo(ErrorCodes.MALFORMED_JSON);
                        } else {
                            assertThat(code(response)).isEqualTo(ErrorCodes.VALIDATION_FAILED);
                            assertThat(fields(response)).containsExactly(sloppiness.field);
                        }
                    }
                });
    }

    @Test
    void shouldReadBackEveryBodyItWroteWithAnyWellFormedText() {
        forAll(1000, r -> wellFormed(body(r)), b -> escaped(String.valueOf(b)), body -> {
            try {
                assertThat(MAPPER.readValue(MAPPER.writeValueAsString(body), Body.class)).isEqualTo(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The ways a sloppy client encodes a body, and the field the 400 must name (null: the body as a whole). */
    enum Sloppiness {
        FRACTIONAL_MINOR_UNITS("amount.value"),
        WHOLE_NUMBER_AS_FLOAT("amount.value"),
        NUMBER_AS_STRING("amount.value"),
        COUNT_AS_STRING("count"),
        NULL_FOR_PRIMITIVE("count"),
        TOTAL_AS_FLOAT("total"),
        TEXT_AS_NUMBER("message"),
        UNKNOWN_FIELD("extra"),
        UNKNOWN_NESTED_FIELD("amount.extra"),
        TRAILING_TOKENS(null);

        final String field;

        Sloppiness(String field) {
            this.field = field;
        }

        String apply(Body b) {
            String value = Long.toString(b.amount().value());
            String currency = b.amount().currency();
            String count = Integer.toString(b.count());
            String total = Long.toString(b.total());
            String message = "\"m\"";
            String amountExtra = "";
            String extra = "";
            switch (this) {
                case FRACTIONAL_MINOR_UNITS -> value = value + ".5";
                case WHOLE_NUMBER_AS_FLOAT -> value = value + ".0";
                case NUMBER_AS_STRING -> value = "\"" + value + "\"";
                case COUNT_AS_STRING -> count = "\"" + count + "\"";
                case NULL_FOR_PRIMITIVE -> count = "null";
                case TOTAL_AS_FLOAT -> total = total + "e0";
                case TEXT_AS_NUMBER -> message = "42";
                case UNKNOWN_FIELD -> extra = ",\"extra\":1";
                case UNKNOWN_NESTED_FIELD -> amountExtra = ",\"extra\":true";
                default -> {
                }
            }
            String json = "{\"amount\":{\"value\":" + value + ",\"currency\":\"" + currency + "\"" + amountExtra
                    + "},\"message\":" + message + ",\"count\":" + count + ",\"total\":" + total + extra + "}";
            return this == TRAILING_TOKENS ? json + " {}" : json;
        }
    }

    /** The problem the services answer for a Jackson failure: the most specific mapper, as JAX-RS picks it. */
    private static Response answer(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return PROBLEMS.unrecognizedField(unknown);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return PROBLEMS.mismatchedInput(mismatched);
        }
        if (e instanceof JsonMappingException mapping) {
            return PROBLEMS.invalidValue(mapping);
        }
        return PROBLEMS.malformedJson(e);
    }

    private static String code(Response response) {
        return (String) ((Map<?, ?>) response.getEntity()).get("code");
    }

    private static List<Object> fields(Response response) {
        List<?> errors = (List<?>) ((Map<?, ?>) response.getEntity()).get("errors");
        return errors.stream().<Object>map(e -> ((Map<?, ?>) e).get("field")).toList();
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** A valid body: any amount in a known currency, any text (controls, emoji, lone surrogates), any numbers. */
    private static Body body(SplittableRandom r) {
        String[] currencies = {"EUR", "USD", "JPY", "GBP"};
        String message = r.nextInt(5) == 0 ? null : text(r, r.nextInt(0, 30));
        long value = r.nextInt(4) == 0 ? (r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) : r.nextLong();
        return new Body(Money.of(value, currencies[r.nextInt(currencies.length)]), message, r.nextInt(), r.nextLong());
    }

    /** Valid bodies, their mutations (a character dropped, inserted or replaced, cut short) and JSON-ish junk. */
    private static String clientText(SplittableRandom r) {
        String valid;
        try {
            valid = MAPPER.writeValueAsString(body(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String tokens = "{}[]:,\"\\ 0-1.5eEnulltruefalse\u0000\u00e9\ud83d";
        StringBuilder text = new StringBuilder(valid);
        switch (r.nextInt(8)) {
            case 0 -> {
                return valid;
            }
            case 1 -> text.deleteCharAt(r.nextInt(text.length()));
            case 2 -> text.insert(r.nextInt(text.length() + 1), tokens.charAt(r.nextInt(tokens.length())));
            case 3 -> text.setCharAt(r.nextInt(text.length()), tokens.charAt(r.nextInt(tokens.length())));
            case 4 -> text.setLength(r.nextInt(text.length()));
            case 5 -> {
                String[] junk = {"", "null", "[]", "{}", "\"text\"", "42", "{\"amount\":null}", "{\"amount\":[]}",
                    "{\"amount\":{\"value\":1,\"currency\":\"XYZ\"}}",
                    "{\"amount\":{\"value\":1,\"currency\":\"eur\"}}",
                    "{\"amount\":{\"value\":1e400,\"currency\":\"EUR\"}}",
                    "{\"amount\":{\"value\":99999999999999999999,\"currency\":\"EUR\"}}", "{\"count\":2147483648}",
                    "{\"amount\":{\"currency\":\"EUR\"}}", "{\"message\":{}}", "{\"message\":[\"a\"]}", "{,}",
                    "{\"a\":1,\"a\":2}", "\ufeff{}", "{\"count\":NaN}"};
                return junk[r.nextInt(junk.length)];
            }
            default -> {
                for (int i = 0, n = r.nextInt(1, 4); i < n; i++) {
                    text.setCharAt(r.nextInt(text.length()), tokens.charAt(r.nextInt(tokens.length())));
                }
            }
        }
        return text.toString();
    }

    /**
     * The body with its text made well-formed: a lone surrogate or a NUL character (strings the services refuse with
     * a 400, which the first property covers) becomes U+FFFD.
     */
    private static Body wellFormed(Body body) {
        if (body.message() == null) {
            return body;
        }
        StringBuilder text = new StringBuilder();
        body.message().codePoints().forEach(c -> text.appendCodePoint(
                c == 0 || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c));
        return new Body(body.amount(), text.toString(), body.count(), body.total());
    }

    /** The text with every non-ASCII or control character as U+XXXX, so a failure report stays readable. */
    private static String escaped(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                shown.append((char) c);
            } else {
                shown.append(String.format("<U+%04X>", c));
            }
        });
        return shown.toString();
    }

    private static String text(SplittableRandom r, int length) {
        String alphabet = "aZ é\u0000\u001f\u007f\u0085\"\\/\n\t\u202e\u05d0\ud83d\ude00\ud800";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
