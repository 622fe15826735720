package com.chatpay.stack.keys;

import com.chatpay.stack.StackException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
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
 * Gateway JWTs for the local stack: what the messaging platform's API gateway would pass to the services.
 * Compact RS256 JWS signed with the dev gateway key; claims {@code iss}, {@code aud}, {@code sub}, {@code upn},
 * {@code groups} ({@code ["user"]} or {@code ["ops"]}), {@code iat}, {@code exp} (12 h later) and a random
 * {@code jti}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://gateway.chatpay.dev";
    public static final String AUDIENCE = "chatpay";
    public static final Duration LIFETIME = Duration.ofHours(12);
    public static final String USER_GROUP = "user";
    public static final String OPS_GROUP = "ops";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_USER_ID_LENGTH = 255;

    private DevTokens() {
    }

    /** A token for {@code userId}, signed with the gateway key of {@code keysDir} (generated if missing). */
    public static String mint(Path keysDir, String userId, boolean ops) {
        return mint(DevKeys.loadOrCreate(keysDir).loadGatewayPrivateKey(), userId, ops, Instant.now());
    }

    /** A token for {@code userId} issued at {@code now}. */
    public static String mint(PrivateKey gatewayKey, String userId, boolean ops, Instant now) {
        validateUserId(userId);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        long issuedAt = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", userId);
        claims.put("upn", userId);
        claims.put("groups", List.of(ops ? OPS_GROUP : USER_GROUP));
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + LIFETIME.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = base64Json(header) + "." + base64Json(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(gatewayKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new StackException("Could not sign the token: " + e.getMessage(), e);
        }
    }

    private static void validateUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("The user id must not be blank");
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw new IllegalArgumentException("The user id is longer than " + MAX_USER_ID_LENGTH + " characters");
        }
        if (userId.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("The user id must not contain spaces or control characters");
        }
    }

    private static String base64Json(Map<String, Object> value) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise JWT part", e);
        }
    }
}
