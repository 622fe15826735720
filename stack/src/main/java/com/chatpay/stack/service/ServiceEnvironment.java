package com.chatpay.stack.service;

import com.chatpay.stack.keys.DevKeys;
import com.chatpay.stack.keys.DevTokens;

import java.util.Map;
import java.util.TreeMap;

/**
 * The environment contract between the local stack and each service: exactly these variables are set (on top of
 * PATH, HOME, USER, LOGNAME, LANG, TZ and LC_ALL=C, see
 * {@link com.chatpay.stack.process.DetachedProcess#baseEnvironment()}).
 */
public final class ServiceEnvironment {

    public static final String PROFILE = "dev";
    /** Where a developer's stack listens: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";
    public static final String DB_HOST = LOOPBACK;
    public static final String AUTHZ_ISSUER = "chatpay-onboarding";

    private ServiceEnvironment() {
    }

    /**
     * @param service        the service
     * @param httpPort       its HTTP port
     * @param postgresPort   the stack's PostgreSQL port (on {@value #DB_HOST})
     * @param kafkaBootstrap the stack's Kafka bootstrap servers
     * @param keys           the stack's dev keys
     * @return variable name to value, sorted by name
     */
    public static Map<String, String> of(ChatpayService service, int httpPort, int postgresPort, String kafkaBootstrap,
                                         DevKeys keys) {
        Map<String, String> env = new TreeMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        // a developer's stack answers on loopback only, never on the machine's other interfaces
        env.put("QUARKUS_HTTP_HOST", LOOPBACK);
        env.put("QUARKUS_PROFILE", PROFILE);
        // glibc gives each thread that allocates natively its own 64 MB arena; a JVM's allocations are few and
        // mostly its own, so two arenas serve and keep tens of MB of resident memory away (measured with the bench)
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("DB_HOST", DB_HOST);
        env.put("DB_PORT", Integer.toString(postgresPort));
        env.put("DB_NAME", service.databaseName());
        env.put("DB_USER", service.databaseName());
        env.put("DB_PASSWORD", keys.databasePassword(service.databaseName()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        env.put("JWT_AUDIENCE", DevTokens.AUDIENCE);
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.gatewayPublicKey().toString());
        switch (service) {
            case ONBOARDING -> {
                env.put("CARD_VAULT_KEYS", keys.cardVaultKeys());
                env.put("CARD_VAULT_ACTIVE_KEY_ID", keys.cardVaultActiveKeyId());
                env.put("CARD_FINGERPRINT_KEY", keys.cardFingerprintKey());
                env.put("PIN_PEPPER", keys.pinPepper());
                env.put("SMS_CODE_HASH_KEY", keys.smsCodeHashKey());
                env.put("SMS_ENCRYPTION_PUBLIC_KEY_LOCATION", keys.smsPublicKey().toString());
                env.put("AUTHZ_SIGNING_KEY_LOCATION", keys.authzPrivateKey().toString());
                env.put("AUTHZ_ISSUER", AUTHZ_ISSUER);
            }
            case PAYMENT -> {
                env.put("AUTHZ_PUBLIC_KEY_LOCATION", keys.authzPublicKey().toString());
                env.put("AUTHZ_ISSUER", AUTHZ_ISSUER);
            }
            case NOTIFICATION -> {
                env.put("SMS_DECRYPTION_KEY_LOCATION", keys.smsPrivateKey().toString());
                env.put("WEBHOOK_SECRET", keys.webhookSecret());
                env.put("WEBHOOK_URL", "");
            }
            case LIMITS -> {
                // the common variables only
            }
        }
        return env;
    }
}
