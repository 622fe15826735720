package com.chatpay.stack.service;

import com.chatpay.stack.keys.DevKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTest {

    private static final Set<String> COMMON = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "QUARKUS_PROFILE", "DB_HOST", "DB_PORT",
            "DB_NAME", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER", "JWT_AUDIENCE",
            "JWT_PUBLIC_KEY_LOCATION", "MALLOC_ARENA_MAX");

    @TempDir
    static Path tmp;
    static DevKeys keys;

    @BeforeAll
    static void keys() {
        keys = DevKeys.loadOrCreate(tmp.resolve("keys"));
    }

    @Test
    void shouldGiveEveryServiceTheCommonVariables() {
        for (ChatpayService service : ChatpayService.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, 18000, 15432, "127.0.0.1:19092", keys);

            assertThat(env).containsKeys(COMMON.toArray(String[]::new));
            assertThat(env).containsEntry("QUARKUS_HTTP_PORT", "18000")
                    .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                    .containsEntry("QUARKUS_PROFILE", "dev")
                    .containsEntry("DB_HOST", "127.0.0.1")
                    .containsEntry("DB_PORT", "15432")
                    .containsEntry("DB_NAME", service.databaseName())
                    .containsEntry("DB_USER", service.databaseName())
                    .containsEntry("DB_PASSWORD", keys.databasePassword(service.databaseName()))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                    .containsEntry("JWT_ISSUER", "https://gateway.chatpay.dev")
                    .containsEntry("JWT_AUDIENCE", "chatpay")
                    .containsEntry("JWT_PUBLIC_KEY_LOCATION", keys.gatewayPublicKey().toString());
            assertThat(Path.of(env.get("JWT_PUBLIC_KEY_LOCATION"))).isAbsolute();
        }
    }

    @Test
    void shouldGiveOnboardingItsVaultPepperAndSigningKeys() {
        Map<String, String> env = ServiceEnvironment.of(ChatpayService.ONBOARDING, 8081, 15432, "k:1", keys);

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(union(COMMON, Set.of("CARD_VAULT_KEYS",
                "CARD_VAULT_ACTIVE_KEY_ID", "CARD_FINGERPRINT_KEY", "PIN_PEPPER", "SMS_CODE_HASH_KEY",
                "SMS_ENCRYPTION_PUBLIC_KEY_LOCATION", "AUTHZ_SIGNING_KEY_LOCATION", "AUTHZ_ISSUER")));
        assertThat(env).containsEntry("CARD_VAULT_KEYS", keys.cardVaultKeys())
                .containsEntry("CARD_VAULT_ACTIVE_KEY_ID", "dev-1")
                .containsEntry("CARD_FINGERPRINT_KEY", keys.cardFingerprintKey())
                .containsEntry("PIN_PEPPER", keys.pinPepper())
                .containsEntry("SMS_CODE_HASH_KEY", keys.smsCodeHashKey())
                .containsEntry("SMS_ENCRYPTION_PUBLIC_KEY_LOCATION", keys.smsPublicKey().toString())
                .containsEntry("AUTHZ_SIGNING_KEY_LOCATION", keys.authzPrivateKey().toString())
                .containsEntry("AUTHZ_ISSUER", "chatpay-onboarding");
    }

    @Test
    void shouldGivePaymentTheAuthorizationPublicKeyOnly() {
        Map<String, String> env = ServiceEnvironment.of(ChatpayService.PAYMENT, 8082, 15432, "k:1", keys);

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(
                union(COMMON, Set.of("AUTHZ_PUBLIC_KEY_LOCATION", "AUTHZ_ISSUER")));
        assertThat(env).containsEntry("AUTHZ_PUBLIC_KEY_LOCATION", keys.authzPublicKey().toString())
                .containsEntry("AUTHZ_ISSUER", "chatpay-onboarding");
    }

    @Test
    void shouldGiveLimitsTheCommonVariablesOnly() {
        Map<String, String> env = ServiceEnvironment.of(ChatpayService.LIMITS, 8083, 15432, "k:1", keys);

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(COMMON);
    }

    @Test
    void shouldGiveNotificationTheSmsPrivateKeyAndWebhookSecret() {
        Map<String, String> env = ServiceEnvironment.of(ChatpayService.NOTIFICATION, 8084, 15432, "k:1", keys);

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(
                union(COMMON, Set.of("SMS_DECRYPTION_KEY_LOCATION", "WEBHOOK_SECRET", "WEBHOOK_URL")));
        assertThat(env).containsEntry("SMS_DECRYPTION_KEY_LOCATION", keys.smsPrivateKey().toString())
                .containsEntry("WEBHOOK_SECRET", keys.webhookSecret())
                .containsEntry("WEBHOOK_URL", "");
    }

    @Test
    void shouldKeepEachSecretWithTheServiceThatNeedsIt() {
        for (ChatpayService service : ChatpayService.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, 8080, 15432, "k:1", keys);
            for (ChatpayService other : ChatpayService.values()) {
                if (other != service) {
                    assertThat(env.values()).doesNotContain(keys.databasePassword(other.databaseName()));
                }
            }
            assertThat(env.values()).doesNotContain(keys.superuserPassword());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
