package com.chatpay.notification.sms;

import com.chatpay.common.crypto.Pem;
import com.chatpay.common.crypto.SmsCodeCipher;
import com.chatpay.common.events.MalformedEventException;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * Decrypts the SMS codes onboarding-service encrypts with this service's public key. The private key is read once at
 * start-up, so a missing or wrong key file stops the service instead of failing every SMS later.
 */
@Startup
@Singleton
public class SmsCodeDecryptor {

    private final PrivateKey key;

    public SmsCodeDecryptor(SmsConfig config) {
        this.key = Pem.readPrivateKey(Path.of(config.decryptionKeyLocation()), "RSA");
    }

    /**
     * The code in clear. A code that cannot be decrypted with our key, or is not 4 to 8 digits, can never be sent:
     * the event is malformed (dead-letter topic). The failure says nothing about the content.
     */
    public String decrypt(String encryptedCode) {
        String code;
        try {
            code = SmsCodeCipher.decrypt(key, encryptedCode);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("the SMS code cannot be decrypted with this service's key", null);
        }
        if (!code.matches("[0-9]{4,8}")) {
            throw new MalformedEventException("the decrypted SMS code is not a numeric code", null);
        }
        return code;
    }
}
