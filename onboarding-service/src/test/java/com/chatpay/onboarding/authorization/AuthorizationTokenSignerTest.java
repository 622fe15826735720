package com.chatpay.onboarding.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatpay.common.security.AuthorizationClaims;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthorizationTokenSignerTest {

    @Test
    void shouldCapTheLifetimeAtTheContractMaximum() {
        assertThat(AuthorizationTokenSigner.cappedTtl(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(AuthorizationTokenSigner.cappedTtl(Duration.ofHours(1))).isEqualTo(AuthorizationClaims.MAX_TTL);
        assertThatThrownBy(() -> AuthorizationTokenSigner.cappedTtl(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }
}
