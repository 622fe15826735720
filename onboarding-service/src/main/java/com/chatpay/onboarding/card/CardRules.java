package com.chatpay.onboarding.card;

import com.chatpay.common.problem.Problem.FieldError;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a card chatpay can register is: a 13–19 digit number passing Luhn, of a supported brand, not expired
 * (valid through the end of its expiry month, UTC), and a 3-digit CVC. Errors name the field, never its value.
 */
public final class CardRules {

    /** Furthest future expiry accepted. */
    static final int MAX_YEARS_AHEAD = 20;

    private CardRules() {
    }

    /** A card that passed the rules; {@code toString} never shows the number or CVC. */
    public record ValidCard(String pan, CardBrand brand, YearMonth expiry, String cvc) {
        public String last4() {
            return CardNumber.last4(pan);
        }

        @Override
        public String toString() {
            return "ValidCard[" + brand + " •••• " + last4() + " " + expiry + "]";
        }
    }

    public record Result(ValidCard card, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result check(CardRequest request, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        String pan = CardNumber.normalise(request.number());
        CardBrand brand = null;
        if (pan == null || pan.isEmpty()) {
            errors.add(new FieldError("number", "is required"));
        } else if (!CardNumber.isDigits(pan)) {
            errors.add(new FieldError("number", "must contain only digits and spaces"));
        } else if (!CardNumber.hasValidLength(pan)) {
            errors.add(new FieldError("number", "must have 13 to 19 digits"));
        } else if (!CardNumber.passesLuhn(pan)) {
            errors.add(new FieldError("number", "is not a valid card number"));
        } else {
            Optional<CardBrand> detected = CardBrand.of(pan);
            if (detected.isEmpty()) {
                errors.add(new FieldError("number", "card brand not supported (VISA or MASTERCARD)"));
            } else {
                brand = detected.get();
            }
        }
        YearMonth expiry = expiry(request.expiryMonth(), request.expiryYear(), clock, errors);
        String cvc = request.cvc();
        if (cvc == null || cvc.isEmpty()) {
            errors.add(new FieldError("cvc", "is required"));
        } else if (!cvc.matches("[0-9]{3}")) {
            errors.add(new FieldError("cvc", "must be 3 digits"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new ValidCard(pan, brand, expiry, cvc), List.of());
    }

    private static YearMonth expiry(Integer month, Integer year, Clock clock, List<FieldError> errors) {
        boolean ok = true;
        if (month == null) {
            errors.add(new FieldError("expiryMonth", "is required"));
            ok = false;
        } else if (month < 1 || month > 12) {
            errors.add(new FieldError("expiryMonth", "must be between 1 and 12"));
            ok = false;
        }
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (year == null) {
            errors.add(new FieldError("expiryYear", "is required"));
            ok = false;
        } else if (year < now.getYear() || year > now.getYear() + MAX_YEARS_AHEAD) {
            errors.add(new FieldError("expiryYear", year < now.getYear() ? "the card has expired"
                    : "must be a four-digit year at most " + MAX_YEARS_AHEAD + " years ahead"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        YearMonth expiry = YearMonth.of(year, month);
        if (expiry.isBefore(now)) {
            errors.add(new FieldError("expiryMonth", "the card has expired"));
            return null;
        }
        return expiry;
    }
}
