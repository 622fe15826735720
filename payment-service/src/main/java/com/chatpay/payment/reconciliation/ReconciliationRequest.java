package com.chatpay.payment.reconciliation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {reference, note}}: the issuer's reference of the settlement (case, transfer), and what was agreed. */
public record ReconciliationRequest(@NotBlank @Size(max = 100) String reference,
        @NotBlank @Size(max = 500) String note) {
}
