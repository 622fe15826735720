package com.chatpay.onboarding.profile;

import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.problem.Problem.FieldError;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a valid profile is. Every offending field is reported (by path, never echoing the value). Valid input is
 * normalised: trimmed, names in Unicode NFC, country upper-cased.
 */
public final class ProfileRules {

    /** Letters (any script, with accents), then letters, combining marks, hyphens, apostrophes and spaces. */
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’\\- ]*");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern FR_POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern US_ZIP_CODE = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    /**
     * No control character (Unicode Cc: C0, DEL and C1 such as U+0085; {@code \p{Cntrl}} is ASCII-only), and no
     * bidirectional embedding, override or isolate (U+202A..U+202E, U+2066..U+2069), which would make an address
     * read differently from what is stored.
     */
    private static final Pattern NO_CONTROL = Pattern.compile("[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]+");
    private static final int NAME_MAX = 50;
    private static final int LINE_MAX = 100;
    private static final int CITY_MAX = 60;

    private ProfileRules() {
    }

    /** The normalised profile, or the list of what is wrong with it. */
    public record Result(ProfileRequest profile, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result check(ProfileRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String firstName = name(request.firstName(), "firstName", errors);
        String lastName = name(request.lastName(), "lastName", errors);
        String phone = trim(request.phoneNumber());
        if (phone == null) {
            errors.add(new FieldError("phoneNumber", "is required"));
        } else if (!E164.matcher(phone).matches()) {
            errors.add(new FieldError("phoneNumber", "must be in E.164 format: + then 8 to 15 digits"));
        }
        ProfileRequest.Address address = request.address();
        ProfileRequest.Address normalised = null;
        if (address == null) {
            errors.add(new FieldError("address", "is required"));
        } else {
            String line1 = text(address.line1(), "address.line1", LINE_MAX, true, errors);
            String line2 = text(address.line2(), "address.line2", LINE_MAX, false, errors);
            String city = text(address.city(), "address.city", CITY_MAX, true, errors);
            String country = trim(address.country());
            if (country == null) {
                errors.add(new FieldError("address.country", "is required"));
            } else if (!country.matches("[A-Za-z]{2}")) {
                errors.add(new FieldError("address.country", "must be an ISO 3166-1 alpha-2 code"));
            } else if (!CountryCurrency.isSupported(country.toUpperCase())) {
                errors.add(new FieldError("address.country", "is not a country chatpay supports"));
            } else {
                country = country.toUpperCase();
            }
            String postalCode = trim(address.postalCode());
            if (postalCode == null) {
                errors.add(new FieldError("address.postalCode", "is required"));
            } else if ("FR".equals(country) && !FR_POSTAL_CODE.matcher(postalCode).matches()) {
                errors.add(new FieldError("address.postalCode", "must be 5 digits in France"));
            } else if ("US".equals(country) && !US_ZIP_CODE.matcher(postalCode).matches()) {
                errors.add(new FieldError("address.postalCode", "must be a ZIP code: 5 digits or 5+4 digits"));
            }
            normalised = new ProfileRequest.Address(line1, line2, postalCode, city, country);
        }
        return new Result(new ProfileRequest(firstName, lastName, normalised, phone), List.copyOf(errors));
    }

    /** The language of a country's messages. */
    public static String localeOf(String country) {
        return "FR".equals(country) ? "fr" : "en";
    }

    private static String name(String value, String field, List<FieldError> errors) {
        String name = trim(value);
        if (name == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll(" {2,}", " ");
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.add(new FieldError(field, "must be at most " + NAME_MAX + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError(field, "may contain only letters, accents, hyphens, apostrophes and spaces"));
        }
        return name;
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String text = trim(value);
        if (text == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (!NO_CONTROL.matcher(text).matches()) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return text;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
