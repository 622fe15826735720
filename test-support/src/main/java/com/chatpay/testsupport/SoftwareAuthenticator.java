package com.chatpay.testsupport;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WebAuthn platform authenticator in software, driven by the tests: an EC P-256 key pair, a credential id and a
 * signature counter. It builds what a browser and authenticator return: clientDataJSON, authenticatorData
 * (rpIdHash ‖ flags ‖ counter ‖ attested credential data when registering), a {@code none} attestation object in
 * CBOR (encoded here, not with the library under test) and ES256 signatures over authenticatorData ‖
 * SHA-256(clientDataJSON).
 */
public final class SoftwareAuthenticator {

    public static final String RP_ID = "chatpay.test";
    public static final String ORIGIN = "https://chatpay.test";
    public static final byte UP = 0x01;
    public static final byte UV = 0x04;
    private static final byte AT = 0x40;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private final String rpId;
    private final String origin;
    private long counter;

    /** An authenticator for the component tests' relying party ({@link #RP_ID}, {@link #ORIGIN}). */
    public SoftwareAuthenticator() {
        this(RP_ID, ORIGIN);
    }

    /** An authenticator for another relying party, e.g. the local stack's {@code localhost}. */
    public SoftwareAuthenticator(String rpId, String origin) {
        this.rpId = rpId;
        this.origin = origin;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        RANDOM.nextBytes(credentialId);
    }

    public String credentialId() {
        return B64URL.encodeToString(credentialId);
    }

    /** The body of {@code POST /v1/me/devices} answering a registration challenge. */
    public Map<String, Object> register(String challenge, String name, String pin) {
        return register(challenge, name, pin, origin, rpId);
    }

    public Map<String, Object> register(String challenge, String name, String pin, String origin, String rpId) {
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | UV | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey((ECPublicKey) keys.getPublic()));
        Cbor attestation = new Cbor().mapHeader(3)
                .text("fmt").text("none")
                .text("attStmt").mapHeader(0)
                .text("authData").bytes(authData.toByteArray());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("credentialId", credentialId());
        body.put("clientDataJSON", B64URL.encodeToString(clientData));
        body.put("attestationObject", B64URL.encodeToString(attestation.toByteArray()));
        body.put("pin", pin);
        return body;
    }

    /** An assertion over the challenge, with user presence and verification, the counter moved forward. */
    public Map<String, Object> assertion(String challenge) {
        counter++;
        return assertion(challenge, origin, rpId, (byte) (UP | UV), keys);
    }

    /** An assertion as the parameters say; the counter is not moved (call {@link #assertion(String)} for that). */
    public Map<String, Object> assertion(String challenge, String origin, String rpId, byte flags, KeyPair signer) {
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        byte[] authenticatorData = authData.toByteArray();
        byte[] signature;
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(signer.getPrivate());
            ecdsa.update(authenticatorData);
            ecdsa.update(sha256(clientData));
            signature = ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> assertion = new LinkedHashMap<>();
        assertion.put("credentialId", credentialId());
        assertion.put("clientDataJSON", B64URL.encodeToString(clientData));
        assertion.put("authenticatorData", B64URL.encodeToString(authenticatorData));
        assertion.put("signature", B64URL.encodeToString(signature));
        return assertion;
    }

    /** Sets the signature counter, as a cloned authenticator would still have it. */
    public void counter(long value) {
        counter = value;
    }

    public KeyPair keys() {
        return keys;
    }

    /** Another key pair, to sign with a key the server does not know. */
    public static KeyPair otherKeys() {
        return new SoftwareAuthenticator().keys;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The COSE_Key of an ES256 public key: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private static byte[] coseKey(ECPublicKey key) {
        return new Cbor().mapHeader(5)
                .integer(1).integer(2)
                .integer(3).integer(-7)
                .integer(-1).integer(1)
                .integer(-2).bytes(coordinate(key.getW().getAffineX()))
                .integer(-3).bytes(coordinate(key.getW().getAffineY()))
                .toByteArray();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The few CBOR items (RFC 8949) WebAuthn structures need. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long n) {
            if (n < 24) {
                out.write((major << 5) | (int) n);
            } else if (n < 256) {
                out.write((major << 5) | 24);
                out.write((int) n);
            } else if (n < 65536) {
                out.write((major << 5) | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) n).array());
            } else {
                out.write((major << 5) | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) n).array());
            }
            return this;
        }

        Cbor integer(long value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        Cbor bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }

        Cbor text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Cbor mapHeader(int entries) {
            return head(5, entries);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
