package com.chatpay.payment.refund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Ops' decision on a dispute: refund the payment, or reject the dispute; the note says why. */
public record ResolveDisputeRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 500) String note) {

    public enum Outcome { REFUND, REJECT }
}
