package com.chatpay.common.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * ES256 (ECDSA on P-256 with SHA-256) as the payment authorization tokens use it, signed by onboarding-service and
 * verified by payment-service, computed by Bouncy Castle's P-256 instead of the JDK's. JDK 17's P-256 has none of the
 * optimised field arithmetic of later JDKs: on the 2-core bench machine a signature took 1.3–2.5 ms and a
 * verification 3–4.5 ms of CPU, against about 0.15 ms each here, which is about 4 ms of CPU saved per payment,
 * as much as the whole per-payment budget of 500 payments/s on 2 cores. The tokens themselves do not change: jose4j
 * still builds and checks the JWS (header, algorithm, encoding); only the signature's arithmetic moves.
 *
 * Bouncy Castle is registered as a provider behind the JDK's own (lowest priority), so nothing else that asks the
 * JCA for an algorithm gets it; it is used only where {@link #providerContext()} names it.
 */
public final class Es256 {

    /** The JWS {@code alg} value. */
    public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private static final Provider PROVIDER = registered();

    private Es256() {
    }

    private static synchronized Provider registered() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }

    /** A jose4j provider context that computes signatures with Bouncy Castle. */
    public static ProviderContext providerContext() {
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(PROVIDER.getName());
        context.getGeneralProviderContext().setSignatureProvider(PROVIDER.getName());
        return context;
    }

    /** {@code key} (a P-256 private key from any provider) as Bouncy Castle's, once at start-up. */
    public static PrivateKey privateKey(PrivateKey key) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an EC private key: " + e.getMessage(), e);
        }
    }

    /** {@code key} (a P-256 public key from any provider) as Bouncy Castle's, once at start-up. */
    public static PublicKey publicKey(PublicKey key) {
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an EC public key: " + e.getMessage(), e);
        }
    }

    /**
     * Signs {@code payloadJson} as a compact JWS with header {@code {"alg":"ES256","typ":"JWT"}}.
     *
     * @param key a key from {@link #privateKey}
     */
    public static String sign(String payloadJson, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setProviderContext(providerContext());
        jws.setAlgorithmHeaderValue(ALGORITHM);
        jws.setHeader("typ", "JWT");
        jws.setPayload(payloadJson);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an ES256 token: " + e.getMessage(), e);
        }
    }
}
