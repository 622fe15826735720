package com.chatpay.notification.users;

import com.chatpay.notification.text.Lang;

/** A party of a payment as notifications address them: a first name when known (else null) and a language. */
public record Person(String userId, String firstName, Lang lang) {

    public static Person unknown(String userId) {
        return new Person(userId, null, Lang.of(null));
    }

    public boolean hasName() {
        return firstName != null && !firstName.isBlank();
    }
}
