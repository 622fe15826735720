package com.chatpay.notification.preferences;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /v1/me/notification-preferences}. */
public record PreferencesRequest(@NotNull Boolean mutePaymentsReceived) {
}
