package com.chatpay.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.notification.feed.NotificationKind;
import com.chatpay.notification.preferences.PreferencesView;
import org.junit.jupiter.api.Test;

class PushPolicyTest {

    private static final PreferencesView MUTED = new PreferencesView(true);

    @Test
    void shouldPushEveryPaymentNotificationByDefault() {
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(PushPolicy.pushes(kind, PreferencesView.DEFAULTS)).as(kind.name()).isTrue();
        }
    }

    @Test
    void shouldMuteOnlyReceivedPayments() {
        assertThat(PushPolicy.pushes(NotificationKind.PAYMENT_RECEIVED, MUTED)).isFalse();
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind != NotificationKind.PAYMENT_RECEIVED) {
                assertThat(PushPolicy.pushes(kind, MUTED)).as(kind.name()).isTrue();
            }
        }
    }

    @Test
    void shouldNameDevicesByAShortStableFingerprint() {
        assertThat(PushService.fingerprint("token-a")).hasSize(32).isEqualTo(PushService.fingerprint("token-a"))
                .isNotEqualTo(PushService.fingerprint("token-b"));
    }
}
