package com.chatpay.common.security;

/**
 * The payment authorization token (strong customer authentication, PSD2 dynamic linking): a compact ES256 JWT
 * signed by onboarding-service and verified by payment-service, bound to payer, payee, amount and currency,
 * valid at most five minutes and usable once ({@code jti}). These are its claim names and fixed values.
 */
public final class AuthorizationClaims {
    /** {@code aud}: only payment-service accepts it. */
    public static final String AUDIENCE = "chatpay-payments";
    /** Longest lifetime a token may have. */
    public static final java.time.Duration MAX_TTL = java.time.Duration.ofMinutes(5);

    /** Standard claims: {@code iss} (onboarding's issuer), {@code sub} = payer id, {@code jti}, {@code iat}, {@code exp}. */
    public static final String PAYEE = "payee";
    /** The amount in minor units (a JSON integer). */
    public static final String AMOUNT = "amount";
    /** ISO 4217 currency of {@link #AMOUNT}. */
    public static final String CURRENCY = "currency";
    /** How the payer confirmed: {@code PIN} or {@code WEBAUTHN}. */
    public static final String METHOD = "method";
    /** The payer's ISO 3166-1 country at confirmation time. */
    public static final String PAYER_COUNTRY = "payerCountry";

    private AuthorizationClaims() {
    }
}
