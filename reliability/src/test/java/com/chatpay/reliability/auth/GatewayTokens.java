package com.chatpay.reliability.auth;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.keys.DevTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gateway JWTs a service must refuse, crafted with the JDK alone: expired, from another issuer or for another
 * audience, signed with a key that is not the gateway's, unsigned ({@code alg: none}), or tampered after signing.
 * Each differs from a good token ({@link DevTokens}) in exactly one way, so a refusal proves that one check.
 */
public final class GatewayTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final PrivateKey gatewayKey;
    private final PrivateKey strangerKey;

    public GatewayTokens(LocalStack stack) {
        this.gatewayKey = stack.keys().loadGatewayPrivateKey();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.strangerKey = generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bad token kind and the status a service must answer it with on any protected endpoint. */
    public enum Bad {
        /** {@code exp} an hour ago (beyond any clock-skew allowance). */
        EXPIRED,
        /** Issued by someone other than the gateway, signed with the gateway key. */
        WRONG_ISSUER,
        /** For another audience than chatpay, signed with the gateway key. */
        WRONG_AUDIENCE,
        /** Signed with an RSA key that is not the gateway's. */
        WRONG_SIGNATURE,
        /** {@code alg: none}, no signature. */
        ALG_NONE,
        /** A good token whose payload was changed (another {@code sub}) after signing. */
        TAMPERED_PAYLOAD,
        /** Not a JWT at all. */
        GARBAGE
    }

    /** A token for {@code userId} ({@code ops} group if asked) spoiled in the way {@code bad} says. */
    public String bad(Bad bad, String userId, boolean ops) {
        Instant now = Instant.now();
        return switch (bad) {
            case EXPIRED -> sign(header("RS256"), claims(userId, ops, DevTokens.ISSUER, DevTokens.AUDIENCE,
                    now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))), gatewayKey);
            case WRONG_ISSUER -> sign(header("RS256"), claims(userId, ops, "https://gateway.evil.example",
                    DevTokens.AUDIENCE, now, now.plus(Duration.ofHours(1))), gatewayKey);
            case WRONG_AUDIENCE -> sign(header("RS256"), claims(userId, ops, DevTokens.ISSUER, "someone-else",
                    now, now.plus(Duration.ofHours(1))), gatewayKey);
            case WRONG_SIGNATURE -> sign(header("RS256"), claims(userId, ops, DevTokens.ISSUER, DevTokens.AUDIENCE,
                    now, now.plus(Duration.ofHours(1))), strangerKey);
            case ALG_NONE -> encode(header("none")) + "." + encode(claims(userId, ops, DevTokens.ISSUER,
                    DevTokens.AUDIENCE, now, now.plus(Duration.ofHours(1)))) + ".";
            case TAMPERED_PAYLOAD -> tamper(good(userId + "-x", ops), userId);
            case GARBAGE -> "not-a-jwt";
        };
    }

    /** A good gateway token (as {@link DevTokens} mints them). */
    public String good(String userId, boolean ops) {
        return DevTokens.mint(gatewayKey, userId, ops, Instant.now());
    }

    /** {@code token} with its payload's {@code sub}/{@code upn} replaced and the original signature kept. */
    public static String tamper(String token, String newSubject) {
        String[] parts = token.split("\\.", -1);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(B64URL_DECODER.decode(parts[1]), Map.class);
            claims.put("sub", newSubject);
            claims.put("upn", newSubject);
            return parts[0] + "." + encode(claims) + "." + parts[2];
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    private static Map<String, Object> claims(String userId, boolean ops, String issuer, String audience,
            Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", userId);
        claims.put("upn", userId);
        claims.put("groups", List.of(ops ? DevTokens.OPS_GROUP : DevTokens.USER_GROUP));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        return sign(header, claims, key, "SHA256withRSA");
    }

    /** A compact JWS of {@code claims} under {@code header}, signed with the JCA algorithm given. */
    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key, String jcaAlgorithm) {
        String input = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance(jcaAlgorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, Object> value) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
