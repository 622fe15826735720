package com.chatpay.reliability.auth;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.keys.Pem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Payment authorization tokens payment-service must refuse, derived from a good one (the ES256 JWT onboarding-service
 * signs after a PIN): its payload edited after signing, re-signed by a stranger's key, unsigned, or signed with the
 * real key but expired or issued to someone else. Made with the JDK only.
 */
public final class AuthorizationTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey onboardingKey;
    private final PrivateKey strangerKey;

    public AuthorizationTokens(LocalStack stack) {
        try {
            this.onboardingKey = Pem.readPrivateKey(stack.keys().authzPrivateKey(), "EC");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.strangerKey = generator.generateKeyPair().getPrivate();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spoiled variants of {@code good}, by description; {@code otherUserId} is neither its payer nor its payee. */
    public Map<String, String> spoiled(String good, String otherUserId) {
        Map<String, Object> claims = claims(good);
        String[] parts = good.split("\\.", -1);
        Map<String, String> bad = new LinkedHashMap<>();
        Map<String, Object> more = new LinkedHashMap<>(claims);
        more.put("amount", ((Number) claims.get("amount")).longValue() * 100);
        bad.put("authorization amount raised after signing", parts[0] + "." + encode(more) + "." + parts[2]);
        Map<String, Object> redirected = new LinkedHashMap<>(claims);
        redirected.put("payee", otherUserId);
        bad.put("authorization payee changed after signing", parts[0] + "." + encode(redirected) + "." + parts[2]);
        bad.put("authorization signed by a stranger's key", sign(claims, strangerKey));
        bad.put("authorization with alg none", encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims)
                + ".");
        Map<String, Object> expired = fresh(claims);
        expired.put("iat", Instant.now().minusSeconds(900).getEpochSecond());
        expired.put("exp", Instant.now().minusSeconds(600).getEpochSecond());
        bad.put("authorization expired (real key)", sign(expired, onboardingKey));
        Map<String, Object> stolen = fresh(claims);
        stolen.put("sub", otherUserId);
        bad.put("authorization issued to another payer (real key)", sign(stolen, onboardingKey));
        Map<String, Object> foreign = fresh(claims);
        foreign.put("aud", "chatpay");
        bad.put("authorization for another audience (real key)", sign(foreign, onboardingKey));
        bad.put("authorization signature truncated", good.substring(0, good.length() - 10));
        bad.put("authorization garbage", "not.a.token");
        bad.put("authorization of 5000 characters", "e".repeat(5000));
        bad.forEach((description, token) -> {
            if (token.equals(good)) {
                throw new IllegalArgumentException(description + " is the good token itself: pick another user");
            }
        });
        return bad;
    }

    private static Map<String, Object> fresh(Map<String, Object> claims) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.put("jti", UUID.randomUUID().toString());
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String token) {
        try {
            return new LinkedHashMap<>(JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        return GatewayTokens.sign(Map.of("alg", "ES256", "typ", "JWT"), claims, key, "SHA256withECDSAinP1363Format");
    }

    private static String encode(Map<String, Object> value) {
        return GatewayTokens.encode(value);
    }
}
