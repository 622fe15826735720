package com.chatpay.notification.push;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /v1/me/push-tokens}: a device token of the caller and its push service. */
public record PushTokenRequest(
        @NotBlank @Size(max = 4096) String token,
        @NotNull Platform platform) {
}
