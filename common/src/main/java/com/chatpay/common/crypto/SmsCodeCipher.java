package com.chatpay.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * How an SMS code travels on {@code onboarding.sms}: RSA-OAEP with SHA-256 and MGF1-SHA-256, base64. onboarding-service
 * encrypts with notification-service's public key; only notification-service holds the private key.
 */
public final class SmsCodeCipher {

    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    private SmsCodeCipher() {
    }

    public static String encrypt(PublicKey notificationKey, String code) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, notificationKey, OAEP);
            return Base64.getEncoder().encodeToString(cipher.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the SMS code", e);
        }
    }

    public static String decrypt(PrivateKey notificationKey, String encrypted) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, notificationKey, OAEP);
            return new String(cipher.doFinal(Base64.getDecoder().decode(encrypted)), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the SMS code cannot be decrypted with this key", e);
        }
    }
}
