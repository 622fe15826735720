package com.chatpay.onboarding.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/me/devices}: the authenticator's answer to the registration options (base64url fields as the
 * browser / platform API gives them), a name for the device, and the PIN: enrolling a key that can confirm payments
 * takes the same proof as a payment, so a stolen session cannot add its own authenticator.
 */
public record DeviceRegistrationRequest(
        @NotBlank @Size(max = 64) String name,
        @NotBlank @Size(max = 1366) String credentialId,
        @NotBlank @Size(max = 8192) String clientDataJSON,
        @NotBlank @Size(max = 16384) String attestationObject,
        @NotBlank String pin) {

    @Override
    public String toString() {
        return "DeviceRegistrationRequest[masked]";
    }
}
