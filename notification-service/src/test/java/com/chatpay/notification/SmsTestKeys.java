package com.chatpay.notification;

import com.chatpay.common.crypto.Pem;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Map;

/**
 * Generates this test JVM's RSA-2048 SMS key pair (nothing committed): the private key PEM is what the service
 * decrypts with, the public key PEM is what tests encrypt codes with, as onboarding-service would.
 */
public class SmsTestKeys implements QuarkusTestResourceLifecycleManager {

    static final Path PRIVATE_KEY = TestInfrastructure.workDir().resolve("sms-private.pem");
    static final Path PUBLIC_KEY = TestInfrastructure.workDir().resolve("sms-public.pem");

    @Override
    public synchronized Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(PRIVATE_KEY, Pem.encodePrivateKey(pair.getPrivate()));
            Files.writeString(PUBLIC_KEY, Pem.encodePublicKey(pair.getPublic()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("chatpay.sms.decryption-key-location", PRIVATE_KEY.toString());
    }

    @Override
    public void stop() {
        // the files live under target/ and are rewritten by the next run
    }

    /** The public key onboarding-service would encrypt codes with. */
    public static PublicKey publicKey() {
        return Pem.readPublicKey(PUBLIC_KEY, "RSA");
    }
}
