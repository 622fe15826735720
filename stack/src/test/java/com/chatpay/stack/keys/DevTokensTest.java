package com.chatpay.stack.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static DevKeys keys;

    @BeforeAll
    static void keys() {
        keys = DevKeys.loadOrCreate(tmp.resolve("shared"));
    }

    @Test
    void shouldMintAUserTokenVerifiableWithTheGatewayPublicKey() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        String token = DevTokens.mint(keys.loadGatewayPrivateKey(), "alice", false, now);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(verifies(parts, Pem.readPublicKey(keys.gatewayPublicKey(), "RSA"))).isTrue();
        JsonNode header = decode(parts[0]);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        JsonNode claims = decode(parts[1]);
        assertThat(claims.path("iss").asText()).isEqualTo("https://gateway.chatpay.dev");
        assertThat(claims.path("aud").asText()).isEqualTo("chatpay");
        assertThat(claims.path("sub").asText()).isEqualTo("alice");
        assertThat(claims.path("upn").asText()).isEqualTo("alice");
        assertThat(claims.path("groups").size()).isEqualTo(1);
        assertThat(claims.path("groups").get(0).asText()).isEqualTo("user");
        assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 12 * 3600);
        assertThat(claims.path("jti").asText()).isNotBlank();
    }

    @Test
    void shouldPutOpsTokensInTheOpsGroupOnly() throws Exception {
        String token = DevTokens.mint(keys.dir(), "ops-bob", true);

        JsonNode groups = decode(token.split("\\.")[1]).path("groups");
        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.get(0).asText()).isEqualTo("ops");
    }

    @Test
    void shouldGiveEveryTokenItsOwnId() throws Exception {
        Instant now = Instant.now();

        String first = DevTokens.mint(keys.loadGatewayPrivateKey(), "alice", false, now);
        String second = DevTokens.mint(keys.loadGatewayPrivateKey(), "alice", false, now);

        assertThat(decode(first.split("\\.")[1]).path("jti").asText())
                .isNotEqualTo(decode(second.split("\\.")[1]).path("jti").asText());
    }

    @Test
    void shouldNotVerifyWithAnotherKey() throws Exception {
        DevKeys other = DevKeys.loadOrCreate(tmp.resolve("other"));

        String token = DevTokens.mint(keys.loadGatewayPrivateKey(), "alice", false, Instant.now());

        assertThat(verifies(token.split("\\."), Pem.readPublicKey(other.gatewayPublicKey(), "RSA"))).isFalse();
    }

    @Test
    void shouldEscapeUnusualUserIdsInTheClaims() throws Exception {

        String token = DevTokens.mint(keys.loadGatewayPrivateKey(), "a\"b\\c", false, Instant.now());

        assertThat(decode(token.split("\\.")[1]).path("sub").asText()).isEqualTo("a\"b\\c");
    }

    @Test
    void shouldRefuseBlankOrSpacedUserIds() {

        assertThatThrownBy(() -> DevTokens.mint(keys.loadGatewayPrivateKey(), " ", false, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevTokens.mint(keys.loadGatewayPrivateKey(), "al ice", false, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean verifies(String[] parts, PublicKey key) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
