package com.chatpay.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.CompactSerializer;
import org.junit.jupiter.api.Test;

class Es256Test {

    private static final KeyPair KEYS = p256();

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldSignATokenTheJdksOwnEcdsaVerifies() throws Exception {
        String token = Es256.sign("{\"sub\":\"alice\"}", Es256.privateKey(KEYS.getPrivate()));

        String[] parts = CompactSerializer.deserialize(token);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .contains("\"alg\":\"ES256\"").contains("\"typ\":\"JWT\"");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64); // JWS: r || s, 32 bytes each
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
        jdk.initVerify(KEYS.getPublic());
        jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void shouldVerifyWhatTheJdkSignedAndRefuseATamperedPayload() throws Exception {
        JsonWebSignature jdkSigned = new JsonWebSignature();
        jdkSigned.setAlgorithmHeaderValue(Es256.ALGORITHM);
        jdkSigned.setPayload("{\"amount\":1000}");
        jdkSigned.setKey(KEYS.getPrivate());
        String token = jdkSigned.getCompactSerialization();

        assertThat(verify(token)).isTrue();
        String[] parts = CompactSerializer.deserialize(token);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"amount\":9000}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verify(tampered)).isFalse();
    }

    @Test
    void shouldLeaveTheJdksProvidersFirst() {
        Es256.providerContext();
        assertThat(Security.getProviders()[0].getName()).isNotEqualTo("BC");
        assertThat(Security.getProviders()[Security.getProviders().length - 1].getName()).isEqualTo("BC");
    }

    private static boolean verify(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setProviderContext(Es256.providerContext());
        jws.setCompactSerialization(token);
        jws.setKey(Es256.publicKey(KEYS.getPublic()));
        return jws.verifySignature();
    }
}
