package com.chatpay.onboarding.card;

import com.chatpay.onboarding.crypto.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the vault and the fingerprint from configuration at start-up, so a bad key fails the start. */
@ApplicationScoped
public class CardCryptoProducer {

    @Produces
    @Singleton
    @Startup
    CardVault cardVault(CardVaultConfig config) {
        return CardVault.fromConfig(config.keys(), config.activeKeyId());
    }

    @Produces
    @Singleton
    @Startup
    CardFingerprint cardFingerprint(CardVaultConfig config) {
        return new CardFingerprint(Secrets.base64Key(config.fingerprintKey(), "chatpay.card-vault.fingerprint-key"));
    }
}
