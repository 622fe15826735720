package com.chatpay.testsupport;

import com.chatpay.common.security.Roles;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Gateway JWTs for component tests, signed by a key pair generated for this test JVM (nothing is committed).
 * {@link #bearer(String)} gives a user's header value; the other methods craft the bad tokens auth tests need.
 */
public final class TestTokens {

    public static final String ISSUER = "https://gateway.chatpay.test";
    public static final String AUDIENCE = "chatpay";

    private static final KeyPair GATEWAY = newKeyPair();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static String user(String userId) {
        return token(userId, Set.of(Roles.USER), ISSUER, Duration.ofMinutes(30), GATEWAY.getPrivate());
    }

    public static String ops(String userId) {
        return token(userId, Set.of(Roles.OPS), ISSUER, Duration.ofMinutes(30), GATEWAY.getPrivate());
    }

    public static String bearer(String userId) {
        return "Bearer " + user(userId);
    }

    public static String opsBearer(String userId) {
        return "Bearer " + ops(userId);
    }

    public static String expired(String userId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(userId).upn(userId).groups(Set.of(Roles.USER))
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign(GATEWAY.getPrivate());
    }

    public static String wrongIssuer(String userId) {
        return token(userId, Set.of(Roles.USER), "https://evil.example", Duration.ofMinutes(30), GATEWAY.getPrivate());
    }

    public static String wrongSignature(String userId) {
        return token(userId, Set.of(Roles.USER), ISSUER, Duration.ofMinutes(30), newKeyPair().getPrivate());
    }

    private static String token(String userId, Set<String> groups, String issuer, Duration ttl, PrivateKey key) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).audience(AUDIENCE).subject(userId).upn(userId).groups(groups)
                .issuedAt(now).expiresAt(now.plus(ttl)).sign(key);
    }

    /** The PEM file of the gateway's public key, as services read it from configuration. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(GATEWAY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            try {
                publicKeyFile = Files.writeString(TestInfrastructure.workDir().resolve("gateway-public.pem"), pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
