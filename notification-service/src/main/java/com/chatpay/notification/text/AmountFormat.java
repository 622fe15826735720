package com.chatpay.notification.text;

import com.chatpay.common.money.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

/**
 * Amounts as people read them: {@code 20,00 €} and {@code 1 500,00 €} in French, {@code €20.00} and
 * {@code €1,500.00} in English.
 *
 * <p>Java's French format separates the symbol with a no-break space (U+00A0) and groups thousands with a narrow
 * no-break space (U+202F). Notification texts replace both with a plain space (U+0020), so what clients, tests and
 * logs see is exactly the text written above, whatever the JDK's CLDR version.
 */
public final class AmountFormat {

    private AmountFormat() {
    }

    public static String format(Money amount, Lang lang) {
        Currency currency = Currency.getInstance(amount.currency());
        NumberFormat format = NumberFormat.getCurrencyInstance(lang.locale());
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String text = format.format(BigDecimal.valueOf(amount.value(), digits));
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
