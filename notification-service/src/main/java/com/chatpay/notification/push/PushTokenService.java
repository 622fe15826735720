package com.chatpay.notification.push;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Registers the devices a user receives pushes on. */
@ApplicationScoped
public class PushTokenService {

    private final PushTokenRepository tokens;
    private final PushConfig config;
    private final Clock clock;

    public PushTokenService(PushTokenRepository tokens, PushConfig config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers (or refreshes) {@code request.token()} for {@code userId}, idempotently; keeps the user's newest
     * {@code chatpay.push.max-tokens-per-user} tokens.
     */
    @WithTransaction
    public Uni<PushTokenView> register(String userId, PushTokenRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String token = request.token().strip();
        return tokens.upsert(token, userId, request.platform(), now)
                .chain(() -> tokens.keepNewest(userId, config.maxTokensPerUser()))
                .chain(() -> tokens.findById(token))
                .map(PushTokenView::of);
    }
}
