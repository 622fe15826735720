package com.chatpay.payment.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/payments}. {@code message} is limited to {@link #MESSAGE_MAX_CODE_POINTS} characters
 * counted as code points (an emoji is one), checked by the service since {@code @Size} counts UTF-16 units.
 */
public record CreatePaymentRequest(
        @NotBlank @Size(max = 64) String payeeId,
        @NotBlank @Size(max = 128) String conversationId,
        @NotNull @Valid Amount amount,
        @Size(max = 1024) String message,
        @NotBlank @Size(max = 4096) String authorizationToken) {

    public static final int MESSAGE_MAX_CODE_POINTS = 140;
}
