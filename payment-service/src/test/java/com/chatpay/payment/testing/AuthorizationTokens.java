package com.chatpay.payment.testing;

import com.chatpay.common.crypto.Pem;
import com.chatpay.common.security.AuthorizationClaims;
import com.chatpay.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Payment authorization tokens as onboarding-service signs them (ES256), for tests. The component tests' key pair
 * is generated once and kept as PEM files under the test work folder, so the Quarkus application (reading the
 * public key from configuration) and the tests (signing) share it whatever class loader loads this class.
 */
public final class AuthorizationTokens {

    public static final String ISSUER = "chatpay-onboarding";

    private static KeyPair keys;

    private AuthorizationTokens() {
    }

    public static Token token(String payerId, String payeeId, long amount, String currency) {
        return new Token(payerId, payeeId, amount, currency);
    }

    /** The component tests' signing key pair. */
    public static synchronized KeyPair keys() {
        if (keys == null) {
            Path privateFile = privateKeyFile();
            Path publicFile = publicKeyFile();
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair generated = newKeyPair();
                try {
                    Files.writeString(privateFile, Pem.encodePrivateKey(generated.getPrivate()));
                    Files.writeString(publicFile, Pem.encodePublicKey(generated.getPublic()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            keys = new KeyPair(Pem.readPublicKey(publicFile, "EC"), Pem.readPrivateKey(privateFile, "EC"));
        }
        return keys;
    }

    public static Path publicKeyFile() {
        return TestInfrastructure.workDir().resolve("payment-authz-public.pem");
    }

    private static Path privateKeyFile() {
        return TestInfrastructure.workDir().resolve("payment-authz-private.pem");
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One token's claims; every binding can be changed to craft a bad token. */
    public static final class Token {
        private final String payerId;
        private final String payeeId;
        private final long amount;
        private final String currency;
        private String issuer = ISSUER;
        private String audience = AuthorizationClaims.AUDIENCE;
        private String payerCountry = "FR";
        private String jti = UUID.randomUUID().toString();
        private Instant issuedAt = Instant.now();
        private Duration ttl = Duration.ofMinutes(2);

        private Token(String payerId, String payeeId, long amount, String currency) {
            this.payerId = payerId;
            this.payeeId = payeeId;
            this.amount = amount;
            this.currency = currency;
        }

        public Token issuer(String value) {
            issuer = value;
            return this;
        }

        public Token audience(String value) {
            audience = value;
            return this;
        }

        public Token payerCountry(String value) {
            payerCountry = value;
            return this;
        }

        public Token jti(String value) {
            jti = value;
            return this;
        }

        public Token issuedAt(Instant value) {
            issuedAt = value;
            return this;
        }

        public Token ttl(Duration value) {
            ttl = value;
            return this;
        }

        public String jti() {
            return jti;
        }

        /** Signed with the component tests' key. */
        public String sign() {
            return sign(keys().getPrivate());
        }

        public String sign(PrivateKey key) {
            return signWith(key);
        }

        public String signWith(PrivateKey key) {
            return jws(key, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        }

        public String signHs256(String secret) {
            return jws(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)), AlgorithmIdentifiers.HMAC_SHA256);
        }

        private String jws(Key key, String algorithm) {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject(payerId);
            if (jti != null) {
                claims.setJwtId(jti);
            }
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(ttl).getEpochSecond()));
            claims.setClaim(AuthorizationClaims.PAYEE, payeeId);
            claims.setClaim(AuthorizationClaims.AMOUNT, amount);
            claims.setClaim(AuthorizationClaims.CURRENCY, currency);
            claims.setClaim(AuthorizationClaims.METHOD, "PIN");
            if (payerCountry != null) {
                claims.setClaim(AuthorizationClaims.PAYER_COUNTRY, payerCountry);
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setDoKeyValidation(false);
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
