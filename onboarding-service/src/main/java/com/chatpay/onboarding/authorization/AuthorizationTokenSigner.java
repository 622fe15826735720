package com.chatpay.onboarding.authorization;

import com.chatpay.common.crypto.Pem;
import com.chatpay.common.money.Money;
import com.chatpay.common.security.AuthorizationClaims;
import com.chatpay.common.security.Es256;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Signs payment authorization tokens: compact ES256 JWTs bound to payer, payee, amount and currency, valid a few
 * minutes, identified by a {@code jti} payment-service accepts once. Claim names come from
 * {@link AuthorizationClaims}; the signature from {@link Es256} (one per payment, so its cost counts).
 */
@Singleton
@Startup
public class AuthorizationTokenSigner {

    /** The confirmation method claim of a PIN-confirmed payment. */
    public static final String METHOD_PIN = "PIN";

    /** The confirmation method claim of a payment confirmed with an enrolled device (WebAuthn assertion). */
    public static final String METHOD_WEBAUTHN = "WEBAUTHN";

    private final PrivateKey key;
    private final String issuer;
    private final Duration ttl;

    public AuthorizationTokenSigner(AuthorizationConfig config) {
        this.key = Es256.privateKey(Pem.readPrivateKey(Path.of(config.signingKeyLocation()), "EC"));
        this.issuer = config.issuer();
        this.ttl = cappedTtl(config.tokenTtl());
    }

    /** The configured lifetime, never above {@link AuthorizationClaims#MAX_TTL}. */
    static Duration cappedTtl(Duration configured) {
        if (configured.isNegative() || configured.isZero()) {
            throw new IllegalStateException("chatpay.authorization.token-ttl must be positive");
        }
        return configured.compareTo(AuthorizationClaims.MAX_TTL) > 0 ? AuthorizationClaims.MAX_TTL : configured;
    }

    public Duration ttl() {
        return ttl;
    }

    public String sign(UUID jti, String payerId, String payeeId, Money amount, String payerCountry, String method,
            Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AuthorizationClaims.AUDIENCE);
        claims.setSubject(payerId);
        claims.setJwtId(jti.toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setClaim(AuthorizationClaims.PAYEE, payeeId);
        claims.setClaim(AuthorizationClaims.AMOUNT, amount.value());
        claims.setClaim(AuthorizationClaims.CURRENCY, amount.currency());
        claims.setClaim(AuthorizationClaims.METHOD, method);
        claims.setClaim(AuthorizationClaims.PAYER_COUNTRY, payerCountry);
        return Es256.sign(claims.toJson(), key);
    }
}
