package com.chatpay.onboarding.card;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CardRepository implements PanacheRepositoryBase<Card, UUID> {

    public Uni<Card> findActive(String userId) {
        return find("userId = ?1 and status = ?2", userId, CardStatus.ACTIVE).firstResult();
    }

    public Uni<Card> findActive(String userId, UUID cardId) {
        return find("id = ?1 and userId = ?2 and status = ?3", cardId, userId, CardStatus.ACTIVE).firstResult();
    }
}
