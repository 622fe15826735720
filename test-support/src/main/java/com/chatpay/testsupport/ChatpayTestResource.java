package com.chatpay.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real PostgreSQL and Kafka of {@link TestInfrastructure} and at the
 * test gateway key of {@link TestTokens}. Declare it once per module:
 * {@code @QuarkusTestResource(value = ChatpayTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class ChatpayTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String jdbc = TestInfrastructure.jdbcUrl();
        int port = TestInfrastructure.postgres().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.datasource.jdbc.url", jdbc);
        config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres");
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure lives as long as the test JVM: the next Quarkus boot of this module reuses it
    }
}
