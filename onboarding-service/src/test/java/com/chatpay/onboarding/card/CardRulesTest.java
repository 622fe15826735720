package com.chatpay.onboarding.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.problem.Problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CardRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T22:00:00Z"), ZoneOffset.UTC);

    private static CardRules.Result check(String number, Integer month, Integer year, String cvc) {
        return CardRules.check(new CardRequest(number, month, year, cvc), CLOCK);
    }

    @Test
    void shouldAcceptValidVisaWithSpacesStripped() {
        CardRules.Result result = check("4111 1111 1111 1111", 12, 2030, "123");
        assertThat(result.valid()).isTrue();
        assertThat(result.card().pan()).isEqualTo("4111111111111111");
        assertThat(result.card().brand()).isEqualTo(CardBrand.VISA);
        assertThat(result.card().last4()).isEqualTo("1111");
        assertThat(result.card().expiry()).isEqualTo(YearMonth.of(2030, 12));
    }

    @Test
    void shouldPassLuhnForKnownGoodNumbersAndFailWhenADigitChanges() {
        assertThat(CardNumber.passesLuhn("4111111111111111")).isTrue();
        assertThat(CardNumber.passesLuhn("5555555555554444")).isTrue();
        assertThat(CardNumber.passesLuhn("2223003122003222")).isTrue();
        assertThat(CardNumber.passesLuhn("79927398713")).isTrue();
        assertThat(CardNumber.passesLuhn("4111111111111112")).isFalse();
        assertThat(CardNumber.passesLuhn("79927398710")).isFalse();
    }

    @Test
    void shouldRejectNumberFailingLuhnWithoutEchoingIt() {
        CardRules.Result result = check("4111111111111112", 12, 2030, "123");
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("number");
        assertThat(result.errors().get(0).message()).doesNotContain("4111");
    }

    @Test
    void shouldRejectLengthsOutsideThirteenToNineteen() {
        // 12 digits and 20 digits, both Luhn-valid
        assertThat(check("411111111116", 12, 2030, "123").errors()).extracting(FieldError::message)
                .containsExactly("must have 13 to 19 digits");
        assertThat(check("41111111111111111112", 12, 2030, "123").errors()).extracting(FieldError::message)
                .containsExactly("must have 13 to 19 digits");
        assertThat(CardNumber.hasValidLength("4222222222222")).isTrue();
    }

    @Test
    void shouldRejectNonDigits() {
        assertThat(check("4111-1111-1111-1111", 12, 2030, "123").valid()).isFalse();
    }

    @Test
    void shouldDetectBrandsByRange() {
        assertThat(CardBrand.of("4111111111111111")).contains(CardBrand.VISA);
        assertThat(CardBrand.of("5105105105105100")).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("5555555555554444")).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2221000000000009")).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2720990000000007")).contains(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2220990000000000")).isEmpty();
        assertThat(CardBrand.of("2721000000000000")).isEmpty();
        assertThat(CardBrand.of("5600000000000000")).isEmpty();
        assertThat(CardBrand.of("378282246310005")).isEmpty(); // AMEX is not supported
    }

    @Test
    void shouldRejectUnsupportedBrand() {
        assertThat(check("378282246310005", 12, 2030, "123").errors()).extracting(FieldError::field)
                .containsExactly("number");
    }

    @Test
    void shouldAcceptCardExpiringThisMonthAndRejectLastMonth() {
        assertThat(check("4111111111111111", 11, 2026, "123").valid()).isTrue();
        CardRules.Result expired = check("4111111111111111", 10, 2026, "123");
        assertThat(expired.errors()).extracting(FieldError::field).containsExactly("expiryMonth");
        assertThat(check("4111111111111111", 12, 2025, "123").errors()).extracting(FieldError::field)
                .containsExactly("expiryYear");
    }

    @Test
    void shouldRejectInvalidMonthAndFarYear() {
        assertThat(check("4111111111111111", 13, 2030, "123").errors()).extracting(FieldError::field)
                .containsExactly("expiryMonth");
        assertThat(check("4111111111111111", 12, 2099, "123").errors()).extracting(FieldError::field)
                .containsExactly("expiryYear");
    }

    @Test
    void shouldRequireThreeDigitCvcAndReportEveryField() {
        CardRules.Result result = check(null, null, null, "12a");
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactly("number", "expiryMonth", "expiryYear", "cvc");
        assertThat(check("4111111111111111", 12, 2030, "1234").errors()).extracting(FieldError::field)
                .containsExactly("cvc");
    }

    @Test
    void shouldNeverPrintTheNumberOrCvc() {
        CardRules.ValidCard card = check("4111111111111111", 12, 2030, "987").card();
        assertThat(card.toString()).doesNotContain("411111").doesNotContain("987").contains("1111");
        assertThat(new CardRequest("4111111111111111", 12, 2030, "987").toString())
                .doesNotContain("4111").doesNotContain("987");
    }
}
