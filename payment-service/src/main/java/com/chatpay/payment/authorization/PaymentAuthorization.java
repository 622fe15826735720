package com.chatpay.payment.authorization;

import com.chatpay.common.money.Money;
import java.time.Instant;

/** The verified content of a payment authorization token. */
public record PaymentAuthorization(String tokenId, String payerId, String payeeId, Money amount,
        String payerCountry, String method, Instant expiresAt) {
}
