package com.chatpay.onboarding.activation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SmsChallengeRepository implements PanacheRepositoryBase<SmsChallenge, UUID> {

    /** The user's most recent code, whatever its status. */
    public Uni<SmsChallenge> latest(String userId) {
        return find("userId = ?1 order by createdAt desc", userId).firstResult();
    }

    /** When the user's codes created after {@code since} were sent, newest first. */
    public Uni<List<Instant>> sentSince(String userId, Instant since) {
        return find("userId = ?1 and createdAt > ?2 order by createdAt desc", userId, since)
                .list().map(list -> list.stream().map(c -> c.createdAt).toList());
    }

    public Uni<Integer> supersedePending(String userId) {
        return update("status = ?1 where userId = ?2 and status = ?3", SmsChallengeStatus.SUPERSEDED, userId,
                SmsChallengeStatus.PENDING);
    }
}
