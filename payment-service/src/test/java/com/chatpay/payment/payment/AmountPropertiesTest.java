package com.chatpay.payment.payment;

import static com.chatpay.common.testing.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Amount}, the API's money: its bean constraints accept exactly a positive value with a
 * three-upper-case-letter currency, naming each offending member; an accepted amount whose code the JDK knows (what
 * the service checks next) always becomes the same {@link Money}, and money always comes back as the same amount.
 */
class AmountPropertiesTest {

    private static final List<String> JDK_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).sorted().toList();
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void shouldAcceptExactlyAPositiveValueWithAThreeUpperCaseLetterCurrencyNamingEachOffendingMember() {
        forAll(1000, AmountPropertiesTest::amount, String::valueOf, amount -> {
            Set<ConstraintViolation<Amount>> violations = validator.validate(amount);
            boolean valueOk = amount.value() != null && amount.value() > 0;
            boolean currencyOk = amount.currency() != null && amount.currency().matches("[A-Z]{3}");
            assertThat(violations.stream().map(v -> v.getPropertyPath().toString()).distinct().sorted().toList())
                    .isEqualTo(valueOk && currencyOk ? List.of() : !valueOk && !currencyOk
                            ? List.of("currency", "value") : List.of(valueOk ? "currency" : "value"));
            if (valueOk && currencyOk && Money.isKnownCurrency(amount.currency())) {
                Money money = amount.toMoney();
                assertThat(money.value()).isEqualTo(amount.value());
                assertThat(money.currency()).isEqualTo(amount.currency());
                assertThat(money.isPositive()).isTrue();
            }
        });
    }

    @Test
    void shouldGiveBackTheSameMoneyThroughTheApiForm() {
        forAll(1000, r -> Money.of(r.nextInt(4) == 0 ? Long.MAX_VALUE : r.nextLong(1, Long.MAX_VALUE),
                JDK_CODES.get(r.nextInt(JDK_CODES.size()))), String::valueOf, money -> {
                    Amount amount = Amount.of(money);
                    assertThat(validator.validate(amount)).isEmpty();
                    assertThat(amount.toMoney()).isEqualTo(money);
                });
    }

    /** Values null, zero, negative, positive and extreme; currencies null, known, unknown, lower-case, odd. */
    private static Amount amount(SplittableRandom r) {
        Long[] values = {null, 0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE};
        Long value = r.nextBoolean() ? values[r.nextInt(values.length)]
                : Long.valueOf(r.nextLong(-1_000_000, 1_000_000_000));
        String known = JDK_CODES.get(r.nextInt(JDK_CODES.size()));
        String currency = switch (r.nextInt(8)) {
            case 0 -> null;
            case 1, 2 -> known;
            case 3 -> known.toLowerCase();
            case 4 -> "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            case 5 -> known + "\n";
            case 6 -> "EU";
            default -> "ÉUR";
        };
        return new Amount(value, currency);
    }
}
