package com.chatpay.stack.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM text of keys: PKCS#8 {@code PRIVATE KEY} and X.509 SubjectPublicKeyInfo {@code PUBLIC KEY}. */
public final class Pem {

    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static byte[] decode(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** Reads a PKCS#8 private key; {@code algorithm} is {@code RSA} or {@code EC}. */
    public static PrivateKey readPrivateKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        byte[] der = decode(Files.readString(file, StandardCharsets.US_ASCII), PRIVATE_KEY);
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** Reads an X.509 SubjectPublicKeyInfo public key; {@code algorithm} is {@code RSA} or {@code EC}. */
    public static PublicKey readPublicKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        byte[] der = decode(Files.readString(file, StandardCharsets.US_ASCII), PUBLIC_KEY);
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }
}
