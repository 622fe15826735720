package com.chatpay.notification.preferences;

/**
 * A user's notification preferences. {@code mutePaymentsReceived}: no push when money arrives on the user's card
 * (the in-app notification is still created). SMS codes and security messages cannot be muted.
 */
public record PreferencesView(boolean mutePaymentsReceived) {

    public static final PreferencesView DEFAULTS = new PreferencesView(false);
}
