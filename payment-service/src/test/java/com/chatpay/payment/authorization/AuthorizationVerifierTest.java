package com.chatpay.payment.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.money.Money;
import com.chatpay.payment.testing.AuthorizationTokens;
import com.chatpay.payment.testing.AuthorizationTokens.Token;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthorizationVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final KeyPair KEYS = AuthorizationTokens.newKeyPair();
    private static final Money AMOUNT = Money.of(2000, "EUR");
    private final AuthorizationVerifier verifier = new AuthorizationVerifier(KEYS.getPublic(),
            AuthorizationTokens.ISSUER, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Token token() {
        return AuthorizationTokens.token("alice", "bob", 2000, "EUR").issuedAt(NOW.minusSeconds(10));
    }

    private void assertRejected(Token token, String check) {
        assertRejected(token.sign(KEYS.getPrivate()), check);
    }

    private void assertRejected(String jwt, String check) {
        assertThatThrownBy(() -> verifier.verify(jwt, "alice", "bob", AMOUNT))
                .isInstanceOf(AuthorizationRejectedException.class)
                .hasMessageContaining(check);
    }

    @Test
    void shouldAcceptAValidToken() {
        Token token = token();
        PaymentAuthorization authorization = verifier.verify(token.sign(KEYS.getPrivate()), "alice", "bob", AMOUNT);

        assertThat(authorization.tokenId()).isEqualTo(token.jti());
        assertThat(authorization.payerId()).isEqualTo("alice");
        assertThat(authorization.payerCountry()).isEqualTo("FR");
        assertThat(authorization.amount()).isEqualTo(AMOUNT);
    }

    @Test
    void shouldRejectEveryBrokenBinding() {
        assertRejected(token().signWith(AuthorizationTokens.newKeyPair().getPrivate()), "signature");
        assertRejected("not.a.jwt", "not a valid ES256 JWT");
        assertRejected(token().issuer("someone-else"), "not issued by");
        assertRejected(token().audience("chatpay"), "not meant for payments");
        assertRejected(token().issuedAt(NOW.minus(Duration.ofMinutes(5))), "expired");
        assertRejected(token().issuedAt(NOW.minusSeconds(10)).ttl(Duration.ofMinutes(6)), "longer than allowed");
        assertRejected(token().issuedAt(NOW.plus(Duration.ofHours(1))), "longer than allowed");
        assertRejected(AuthorizationTokens.token("mallory", "bob", 2000, "EUR").issuedAt(NOW), "another user");
        assertRejected(AuthorizationTokens.token("alice", "carol", 2000, "EUR").issuedAt(NOW), "another payee");
        assertRejected(AuthorizationTokens.token("alice", "bob", 2001, "EUR").issuedAt(NOW), "another amount");
        assertRejected(AuthorizationTokens.token("alice", "bob", 2000, "USD").issuedAt(NOW), "another currency");
        assertRejected(token().payerCountry(null), "country");
        assertRejected(token().jti(null), "no valid id");
    }

    @Test
    void shouldRefuseAnotherAlgorithm() {
        assertRejected(token().signHs256("a-shared-secret-of-at-least-256-bits-for-hmac!!"), "not a valid ES256 JWT");
    }

    @Test
    void shouldNeverEchoTheToken() {
        String jwt = token().issuer("x").sign(KEYS.getPrivate());
        assertThatThrownBy(() -> verifier.verify(jwt, "alice", "bob", AMOUNT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(jwt.substring(0, 20)));
    }
}
