package com.chatpay.payment.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points payment-service at the component tests' authorization public key. */
public class PaymentTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        AuthorizationTokens.keys();
        return Map.of(
                "chatpay.authorization.public-key-location", AuthorizationTokens.publicKeyFile().toString(),
                "chatpay.authorization.issuer", AuthorizationTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the key files live in the test work folder with the rest of the test infrastructure
    }
}
