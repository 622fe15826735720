package com.chatpay.notification.text;

import java.util.Locale;

/**
 * The languages notifications are written in. French is the default: chatpay launches in France, so a user whose
 * locale is unknown or not supported reads French.
 */
public enum Lang {
    FR(Locale.FRENCH), EN(Locale.ENGLISH);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code en}, {@code en-GB}, {@code en_US} → EN; {@code fr}, {@code fr-FR}, null, anything else → FR. */
    public static Lang of(String localeTag) {
        if (localeTag == null) {
            return FR;
        }
        String language = localeTag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return "en".equals(language) ? EN : FR;
    }
}
