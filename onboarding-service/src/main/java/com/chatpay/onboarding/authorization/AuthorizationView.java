package com.chatpay.onboarding.authorization;

import java.time.Instant;

/** The signed token to hand to {@code POST /v1/payments}, and when it stops being accepted. */
public record AuthorizationView(String authorizationToken, Instant expiresAt) {
}
