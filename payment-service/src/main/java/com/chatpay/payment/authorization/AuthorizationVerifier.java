package com.chatpay.payment.authorization;

import com.chatpay.common.money.Money;
import com.chatpay.common.security.AuthorizationClaims;
import com.chatpay.common.security.Es256;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Verifies a payment authorization token (strong customer authentication bound to payer, payee and amount): a
 * compact ES256 JWT signed by onboarding-service with {@code iss}, {@code aud} = {@link AuthorizationClaims#AUDIENCE},
 * {@code sub} = the payer, {@code jti}, {@code iat}/{@code exp} at most {@link AuthorizationClaims#MAX_TTL} apart,
 * (and {@code exp} no further than that from now, give or take {@link #CLOCK_SKEW}), and the payee, amount, currency
 * and payer country claims. Single use is enforced by the caller, which records
 * the {@code jti} with the payment.
 */
public final class AuthorizationVerifier {

    /** How far onboarding's clock may run ahead of ours when it dates a token. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final PublicKey publicKey;
    private final String issuer;
    private final Clock clock;

    public AuthorizationVerifier(PublicKey publicKey, String issuer, Clock clock) {
        this.publicKey = Es256.publicKey(publicKey);
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * The authorization if {@code token} is valid for this caller, payee and amount.
     *
     * @throws AuthorizationRejectedException naming the first check that failed
     */
    public PaymentAuthorization verify(String token, String callerId, String payeeId, Money amount) {
        JwtClaims claims = verifiedClaims(token);
        try {
            if (!issuer.equals(claims.getIssuer())) {
                throw new AuthorizationRejectedException("the token was not issued by chatpay onboarding");
            }
            List<String> audience = claims.hasAudience() ? claims.getAudience() : List.of();
            if (!audience.contains(AuthorizationClaims.AUDIENCE)) {
                throw new AuthorizationRejectedException("the token is not meant for payments");
            }
            NumericDate issuedAt = claims.getIssuedAt();
            NumericDate expiresAt = claims.getExpirationTime();
            if (issuedAt == null || expiresAt == null) {
                throw new AuthorizationRejectedException("the token has no issue or expiry time");
            }
            Instant now = clock.instant();
            Instant exp = Instant.ofEpochSecond(expiresAt.getValue());
            if (!now.isBefore(exp)) {
                throw new AuthorizationRejectedException("the token has expired");
            }
            if (expiresAt.getValue() - issuedAt.getValue() > AuthorizationClaims.MAX_TTL.toSeconds()
                    || exp.isAfter(now.plus(AuthorizationClaims.MAX_TTL).plus(CLOCK_SKEW))) {
                throw new AuthorizationRejectedException("the token lives longer than allowed");
            }
            String jti = claims.getJwtId();
            if (jti == null || jti.isBlank() || jti.length() > 200) {
                throw new AuthorizationRejectedException("the token has no valid id");
            }
            if (callerId == null || !callerId.equals(claims.getSubject())) {
                throw new AuthorizationRejectedException("the token was issued to another user");
            }
            if (!payeeId.equals(stringClaim(claims, AuthorizationClaims.PAYEE))) {
                throw new AuthorizationRejectedException("the token was issued for another payee");
            }
            Object value = claims.getClaimValue(AuthorizationClaims.AMOUNT);
            if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() != amount.value()) {
                throw new AuthorizationRejectedException("the token was issued for another amount");
            }
            if (!amount.currency().equals(stringClaim(claims, AuthorizationClaims.CURRENCY))) {
                throw new AuthorizationRejectedException("the token was issued for another currency");
            }
            String country = stringClaim(claims, AuthorizationClaims.PAYER_COUNTRY);
            if (country == null || country.isBlank()) {
                throw new AuthorizationRejectedException("the token does not name the payer's country");
            }
            return new PaymentAuthorization(jti, claims.getSubject(), payeeId, amount, country,
                    stringClaim(claims, AuthorizationClaims.METHOD), exp);
        } catch (MalformedClaimException e) {
            throw new AuthorizationRejectedException("the token has malformed claims");
        }
    }

    private JwtClaims verifiedClaims(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    Es256.ALGORITHM));
            jws.setProviderContext(Es256.providerContext());
            jws.setCompactSerialization(token);
            jws.setKey(publicKey);
            if (!jws.verifySignature()) {
                throw new AuthorizationRejectedException("the token's signature is not valid");
            }
            return JwtClaims.parse(jws.getPayload());
        } catch (JoseException | InvalidJwtException | IllegalArgumentException e) {
            throw new AuthorizationRejectedException("the token is not a valid ES256 JWT signed by onboarding");
        }
    }

    private static String stringClaim(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String s ? s : null;
    }
}
