package com.chatpay.notification.push;

import com.chatpay.notification.feed.NotificationKind;
import com.chatpay.notification.preferences.PreferencesView;

/**
 * Which in-app notifications also go out as push, in plain Java: every payment notification, except a received
 * payment ({@link NotificationKind#PAYMENT_RECEIVED}) for a user who muted those. Money waiting for the user to add
 * a card ({@link NotificationKind#MONEY_WAITING}) is not muted: it needs an action within days or goes back to the
 * payer. SMS codes never depend on preferences.
 */
public final class PushPolicy {

    private PushPolicy() {
    }

    public static boolean pushes(NotificationKind kind, PreferencesView preferences) {
        return !(kind == NotificationKind.PAYMENT_RECEIVED && preferences.mutePaymentsReceived());
    }
}
