package com.chatpay.onboarding.profile;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.problem.Problem.FieldError;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link ProfileRules}: every well-formed profile is accepted (names in any script, with combining
 * marks, hyphens and apostrophes; E.164 phones; the country's postal code format) and returned trimmed, in NFC, with
 * an upper-case country; every malformed field is refused on that field alone; and no input, however odd, makes it
 * throw or echo a value.
 */
class ProfileRulesPropertiesTest {

    private static final int TRIES = 1000;
    private static final Set<String> FIELDS = Set.of("firstName", "lastName", "phoneNumber", "address",
            "address.line1", "address.line2", "address.city", "address.country", "address.postalCode");

    /** Letters of many scripts, BMP and supplementary: Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, CJK. */
    private static final int[] LETTERS = {'a', 'Z', 'é', 'Î', 'ø', 'Ł', 'ß', 'Ω', 'λ', 'Ж', 'я', 'ع', 'ب', 'א', 'ש',
        'क', '山', '한', 'ก', 'ı', 0x1D49C, 0x20000};
    /** Combining marks: acute, diaeresis, cedilla, a Hebrew point, an Arabic fatha, a Devanagari vowel sign. */
    private static final int[] MARKS = {0x0301, 0x0308, 0x0327, 0x05B8, 0x064E, 0x093F};
    private static final String SEPARATORS = "-'’ ";
    /** Never in a name: digits (any script), emoji, symbols, punctuation, controls (C0, C1), format characters. */
    private static final int[] NOT_IN_NAMES = {'0', '7', 0x0663, 0xFF15, 0x1F600, 0x1F1EB, '<', '@', '.', ',', '_',
        '"', '\t', 0x0000, 0x001B, 0x007F, 0x0085, 0x009B, 0x202E, 0x200D, 0x200B, 0x00A0};
    /** Control characters (Unicode category Cc): C0, DEL and C1, none of which strip() removes. */
    private static final int[] CONTROLS = {0x0000, 0x0007, 0x001B, 0x007F, 0x0080, 0x0085, 0x008D, 0x009B, 0x009F};

    @Test
    void shouldAcceptEveryWellFormedProfileAndReturnItTrimmedInNfcWithAnUpperCaseCountry() {
        forAll(TRIES, ProfileRulesPropertiesTest::validProfile, String::valueOf, request -> {
            ProfileRules.Result result = ProfileRules.check(request);
            assertThat(result.errors()).isEmpty();
            assertThat(result.valid()).isTrue();
            ProfileRequest profile = result.profile();
            assertThat(profile.firstName()).isEqualTo(normalisedName(request.firstName()));
            assertThat(profile.lastName()).isEqualTo(normalisedName(request.lastName()));
            assertThat(Normalizer.isNormalized(profile.firstName(), Normalizer.Form.NFC)).isTrue();
            assertThat(profile.phoneNumber()).isEqualTo(request.phoneNumber().strip());
            assertThat(profile.address().country())
                    .isEqualTo(request.address().country().strip().toUpperCase(Locale.ROOT));
            assertThat(profile.address().postalCode()).isEqualTo(request.address().postalCode().strip());
            assertThat(profile.address().line1()).isEqualTo(request.address().line1().strip());
        });
    }

    @Test
    void shouldRefuseANameWithAnythingButLettersMarksHyphensApostrophesAndSpacesOnThatFieldAlone() {
        forAll(TRIES, r -> {
            ProfileRequest valid = validProfile(r);
            StringBuilder name = new StringBuilder(validName(r, 30)).append('a');
            if (r.nextInt(5) == 0) {
                // a name starts with a letter: a combining mark, hyphen or apostrophe first is refused
                name.insert(0, r.nextBoolean() ? Character.toString(MARKS[r.nextInt(MARKS.length)])
                        : String.valueOf("-'’".charAt(r.nextInt(3))));
            } else {
                int at = name.offsetByCodePoints(0, r.nextInt(1, name.codePointCount(0, name.length())));
                name.insert(at, Character.toString(NOT_IN_NAMES[r.nextInt(NOT_IN_NAMES.length)]));
            }
            boolean first = r.nextBoolean();
            ProfileRequest request = new ProfileRequest(first ? name.toString() : valid.firstName(),
                    first ? valid.lastName() : name.toString(), valid.address(), valid.phoneNumber());
            return new Object[] {request, first ? "firstName" : "lastName"};
        }, a -> a[1] + " of " + codePoints((ProfileRequest) a[0]), a -> {
            List<FieldError> errors = ProfileRules.check((ProfileRequest) a[0]).errors();
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo(a[1]);
                assertThat(e.message()).isEqualTo("may contain only letters, accents, hyphens, apostrophes and spaces");
            });
        });
    }

    @Test
    void shouldAcceptE164NumbersAndRefuseEveryNearMissOnPhoneNumberAlone() {
        forAll(TRIES, r -> {
            ProfileRequest valid = validProfile(r);
            String phone = r.nextInt(3) == 0 ? valid.phoneNumber() : nearMissPhone(r);
            return new ProfileRequest(valid.firstName(), valid.lastName(), valid.address(), phone);
        }, r -> "phone '" + r.phoneNumber() + "'", request -> {
            List<FieldError> errors = ProfileRules.check(request).errors();
            if (isE164(request.phoneNumber().strip())) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).extracting(FieldError::field).containsExactly("phoneNumber");
            }
        });
    }

    @Test
    void shouldCheckThePostalCodeByTheFormatOfTheAddressCountry() {
        forAll(TRIES, r -> {
            ProfileRequest valid = validProfile(r);
            ProfileRequest.Address a = valid.address();
            String country = r.nextBoolean() ? "fr" : "US";
            String postalCode = postalCandidate(r);
            return new ProfileRequest(valid.firstName(), valid.lastName(),
                    new ProfileRequest.Address(a.line1(), a.line2(), postalCode, a.city(), country),
                    valid.phoneNumber());
        }, r -> r.address().country() + " '" + r.address().postalCode() + "'", request -> {
            String code = request.address().postalCode().strip();
            boolean france = request.address().country().equalsIgnoreCase("FR");
            boolean fiveDigits = code.length() == 5 && asciiDigits(code);
            boolean zipPlus4 = code.length() == 10 && code.charAt(5) == '-' && asciiDigits(code.substring(0, 5))
                    && asciiDigits(code.substring(6));
            boolean valid = france ? fiveDigits : fiveDigits || zipPlus4;
            List<FieldError> errors = ProfileRules.check(request).errors();
            if (valid) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).extracting(FieldError::field).containsExactly("address.postalCode");
            }
        });
    }

    @Test
    void shouldRefuseAnAddressLineOrCityWithAnyControlCharacterOnThatFieldAlone() {
        forAll(TRIES, r -> {
            ProfileRequest valid = validProfile(r);
            ProfileRequest.Address a = valid.address();
            StringBuilder text = new StringBuilder(addressText(r, 20)).append('x');
            text.insert(text.offsetByCodePoints(0, r.nextInt(1, text.codePointCount(0, text.length()))),
                    Character.toString(CONTROLS[r.nextInt(CONTROLS.length)]));
            int which = r.nextInt(3);
            String field = new String[] {"address.line1", "address.line2", "address.city"}[which];
            ProfileRequest.Address broken = new ProfileRequest.Address(which == 0 ? text.toString() : a.line1(),
                    which == 1 ? text.toString() : a.line2(), a.postalCode(), which == 2 ? text.toString() : a.city(),
                    a.country());
            return new Object[] {new ProfileRequest(valid.firstName(), valid.lastName(), broken, valid.phoneNumber()),
                field};
        }, a -> a[1] + " " + codePoints((ProfileRequest) a[0]), a -> {
            List<FieldError> errors = ProfileRules.check((ProfileRequest) a[0]).errors();
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo(a[1]);
                assertThat(e.message()).isEqualTo("must not contain control characters");
            });
        });
    }

    @Test
    void shouldCountLengthsInCodePointsSoEmojiTextUpToTheLimitIsAccepted() {
        forAll(300, r -> {
            boolean line = r.nextBoolean();
            int max = line ? 100 : 60;
            int length = max + r.nextInt(-2, 3);
            StringBuilder text = new StringBuilder("x");
            while (text.codePointCount(0, text.length()) < length) {
                text.appendCodePoint(r.nextBoolean() ? 0x1F600 + r.nextInt(50) : 'a' + r.nextInt(26));
            }
            ProfileRequest valid = validProfile(r);
            ProfileRequest.Address v = valid.address();
            ProfileRequest.Address address = line
                    ? new ProfileRequest.Address(text.toString(), v.line2(), v.postalCode(), v.city(), v.country())
                    : new ProfileRequest.Address(v.line1(), v.line2(), v.postalCode(), text.toString(), v.country());
            return new Object[] {new ProfileRequest(valid.firstName(), valid.lastName(), address,
                    valid.phoneNumber()), line ? "address.line1" : "address.city", text.toString(), max};
        }, a -> a[1] + " of " + ((String) a[2]).codePointCount(0, ((String) a[2]).length()) + " code points", a -> {
            String text = (String) a[2];
            List<FieldError> errors = ProfileRules.check((ProfileRequest) a[0]).errors();
            if (text.codePointCount(0, text.length()) <= (int) a[3]) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).extracting(FieldError::field).containsExactly((String) a[1]);
            }
        });
    }

    @Test
    void shouldNeverThrowAndNameOnlyKnownFieldsOnceWithoutEchoingAValueWhateverTheInput() {
        forAll(TRIES * 2, ProfileRulesPropertiesTest::anyProfile, ProfileRulesPropertiesTest::codePoints, request -> {
            ProfileRules.Result result = ProfileRules.check(request);
            List<String> fields = result.errors().stream().map(FieldError::field).toList();
            assertThat(FIELDS).containsAll(fields);
            assertThat(fields).doesNotHaveDuplicates();
            assertThat(result.valid()).isEqualTo(fields.isEmpty());
            for (FieldError error : result.errors()) {
                for (String value : values(request)) {
                    if (value != null && value.strip().length() >= 4) {
                        assertThat(error.message()).doesNotContain(value.strip());
                    }
                }
            }
        });
    }

    // --- generators ---

    private static ProfileRequest validProfile(SplittableRandom r) {
        boolean france = r.nextBoolean();
        String country = france ? pick(r, "FR", "fr", "Fr") : pick(r, "US", "us", "uS");
        String postal = france || r.nextBoolean() ? digits(r, 5) : digits(r, 5) + "-" + digits(r, 4);
        String line2 = r.nextInt(3) == 0 ? null : addressText(r, 40);
        ProfileRequest.Address address = new ProfileRequest.Address(pad(r, addressText(r, 60)), line2, pad(r, postal),
                pad(r, addressText(r, 40)), pad(r, country));
        return new ProfileRequest(pad(r, validName(r, 45)), pad(r, validName(r, 45)), address, pad(r, e164(r)));
    }

    /** A letter, then up to {@code max - 1} letters, marks and separators: at most {@code max} code points. */
    private static String validName(SplittableRandom r, int max) {
        StringBuilder name = new StringBuilder().appendCodePoint(LETTERS[r.nextInt(LETTERS.length)]);
        int length = r.nextInt(10) == 0 ? max : r.nextInt(1, max + 1);
        for (int i = 1; i < length; i++) {
            int kind = r.nextInt(10);
            if (kind < 6) {
                name.appendCodePoint(LETTERS[r.nextInt(LETTERS.length)]);
            } else if (kind < 8) {
                name.appendCodePoint(MARKS[r.nextInt(MARKS.length)]);
            } else {
                name.append(SEPARATORS.charAt(r.nextInt(SEPARATORS.length())));
            }
        }
        return name.toString().strip().isEmpty() ? "a" : name.toString();
    }

    /** Free text without control or format characters: any script, digits, punctuation, emoji, combining marks. */
    private static String addressText(SplittableRandom r, int maxLength) {
        int[] pool = {'a', 'B', '1', '9', ' ', ',', '.', '#', '/', 'é', 'ß', 'ع', 'א', '山', 0x0301, 0x1F3E0, 0x1F600,
            '°', '№', '’'};
        StringBuilder text = new StringBuilder("1");
        for (int i = 1, n = r.nextInt(1, maxLength); i < n; i++) {
            text.appendCodePoint(pool[r.nextInt(pool.length)]);
        }
        return text.toString();
    }

    /** Leading and trailing white space people paste along (space, tab, new line, em space). */
    private static String pad(SplittableRandom r, String value) {
        String[] blanks = {"", "", "", " ", "\t", "\n ", "\u2003"};
        return blanks[r.nextInt(blanks.length)] + value + blanks[r.nextInt(blanks.length)];
    }

    private static String e164(SplittableRandom r) {
        return "+" + r.nextInt(1, 10) + digits(r, r.nextInt(7, 15));
    }

    /** E.164 numbers broken one way: too short or long, a 0 first, no plus, separators, foreign digits, letters. */
    private static String nearMissPhone(SplittableRandom r) {
        String valid = e164(r);
        int at = r.nextInt(2, valid.length());
        return switch (r.nextInt(10)) {
            case 0 -> "+" + r.nextInt(1, 10) + digits(r, 6);
            case 1 -> "+" + r.nextInt(1, 10) + digits(r, 15);
            case 2 -> "+0" + digits(r, r.nextInt(7, 14));
            case 3 -> valid.substring(1);
            case 4 -> "00" + valid.substring(1);
            case 5 -> valid.substring(0, at) + pick(r, " ", "-", ".", "(", ")") + valid.substring(at);
            case 6 -> valid.substring(0, at) + pick(r, "\u0663", "\uff15", "\u06f5") + valid.substring(at + 1);
            case 7 -> valid.substring(0, at) + pick(r, "a", "O", "l") + valid.substring(at + 1);
            case 8 -> "+" + valid;
            default -> valid + "\u0000";
        };
    }

    private static String postalCandidate(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0, 1 -> digits(r, 5);
            case 2 -> digits(r, 5) + "-" + digits(r, 4);
            case 3 -> digits(r, 4);
            case 4 -> digits(r, 6);
            case 5 -> digits(r, 9);
            case 6 -> digits(r, 5) + "-" + digits(r, r.nextInt(1, 6));
            case 7 -> digits(r, 2) + " " + digits(r, 3);
            case 8 -> digits(r, 4) + pick(r, "\u0667", "\uff15", "A", "O");
            case 9 -> " " + digits(r, 5) + "\t";
            case 10 -> digits(r, 5) + "\u0000";
            default -> "SW1A 1AA";
        };
    }

    /** Any text for any field, null included: controls, lone surrogates, emoji, RTL, very long. */
    private static ProfileRequest anyProfile(SplittableRandom r) {
        ProfileRequest.Address address = r.nextInt(8) == 0 ? null : new ProfileRequest.Address(anyText(r), anyText(r),
                anyText(r), anyText(r), r.nextBoolean() ? anyText(r) : pick(r, "fr", "US", "DE", "F", "FRA", "ＦＲ"));
        return new ProfileRequest(anyText(r), anyText(r), address, r.nextBoolean() ? anyText(r) : nearMissPhone(r));
    }

    private static String anyText(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            return null;
        }
        String alphabet = "aZé ׳-'’\t\n\u0000\u0085\u202e\u200d\u0301\ud83d\ude00\ud800\udfff0٣+ـ";
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = r.nextInt(10) == 0 ? r.nextInt(50, 200) : r.nextInt(0, 20); i < n; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String digits(SplittableRandom r, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + r.nextInt(10)));
        }
        return digits.toString();
    }

    private static String pick(SplittableRandom r, String... values) {
        return values[r.nextInt(values.length)];
    }

    // --- oracles and descriptions ---

    private static String normalisedName(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).replaceAll(" {2,}", " ");
    }

    private static boolean isE164(String phone) {
        return phone.length() >= 9 && phone.length() <= 16 && phone.charAt(0) == '+' && phone.charAt(1) != '0'
                && asciiDigits(phone.substring(1));
    }

    private static boolean asciiDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static List<String> values(ProfileRequest p) {
        ProfileRequest.Address a = p.address();
        return a == null ? java.util.Arrays.asList(p.firstName(), p.lastName(), p.phoneNumber())
                : java.util.Arrays.asList(p.firstName(), p.lastName(), p.phoneNumber(), a.line1(), a.line2(),
                        a.postalCode(), a.city(), a.country());
    }

    /** The request with every non-ASCII or control character as U+XXXX, so a failure is readable. */
    private static String codePoints(ProfileRequest p) {
        StringBuilder shown = new StringBuilder();
        p.toString().codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                shown.appendCodePoint(c);
            } else {
                shown.append(String.format("<U+%04X>", c));
            }
        });
        return shown.toString();
    }
}
