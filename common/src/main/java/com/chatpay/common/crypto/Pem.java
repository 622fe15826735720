package com.chatpay.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads PEM keys from the files configuration points at (Kubernetes Secrets mounted as files, dev keys). */
public final class Pem {

    private Pem() {
    }

    /** An X.509 SubjectPublicKeyInfo public key ({@code BEGIN PUBLIC KEY}); algorithm {@code RSA} or {@code EC}. */
    public static PublicKey readPublicKey(Path file, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(decode(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a " + algorithm + " public key: " + file, e);
        }
    }

    /** A PKCS#8 private key (unencrypted PEM); algorithm {@code RSA} or {@code EC}. */
    public static PrivateKey readPrivateKey(Path file, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(decode(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a " + algorithm + " PKCS#8 private key: " + file, e);
        }
    }

    /** PEM text of a public key. */
    public static String encodePublicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    /** PEM text of a private key (PKCS#8). */
    public static String encodePrivateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    private static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
