package com.chatpay.payment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {reason}}: why a payment is refunded or disputed, in the caller's words. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
