package com.chatpay.onboarding.card;

import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.CardRemoved;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.problem.ApiException;
import com.chatpay.onboarding.card.CardRules.ValidCard;
import com.chatpay.onboarding.onboarding.OnboardingService;
import com.chatpay.onboarding.onboarding.OnboardingState;
import com.chatpay.onboarding.onboarding.PaymentProfile;
import com.chatpay.onboarding.onboarding.PaymentProfileRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The card vault's use cases. One active card per user: a new card replaces the old one; the same card again (same
 * fingerprint) keeps its entry and refreshes its expiry and token.
 */
@ApplicationScoped
public class CardService {

    private final PaymentProfileRepository profiles;
    private final CardRepository cards;
    private final CardVault vault;
    private final CardFingerprint fingerprint;
    private final OnboardingService onboarding;
    private final Outbox outbox;
    private final Clock clock;

    public CardService(PaymentProfileRepository profiles, CardRepository cards, CardVault vault,
            CardFingerprint fingerprint, OnboardingService onboarding, Outbox outbox, Clock clock) {
        this.profiles = profiles;
        this.cards = cards;
        this.vault = vault;
        this.fingerprint = fingerprint;
        this.onboarding = onboarding;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Fails with a refusal when the user may not register a card now (checked before calling the network). */
    @WithSession
    public Uni<Void> checkCanRegister(String userId) {
        return profiles.findById(userId).invoke(p -> PaymentProfile.stateOf(p).registerCard()).replaceWithVoid();
    }

    /** Stores a card the network approved, with its token. */
    @WithTransaction
    public Uni<CardView> register(String userId, ValidCard card, String networkToken) {
        Instant now = clock.instant();
        String print = fingerprint.of(card.pan());
        return profiles.lock(userId).chain(profile -> {
            OnboardingState before = PaymentProfile.stateOf(profile);
            OnboardingState after = before.registerCard();
            return cards.findActive(userId).chain(current -> {
                Uni<Card> stored;
                Uni<Void> removal = Uni.createFrom().voidItem();
                if (current != null && current.fingerprint.equals(print)) {
                    current.expiryMonth = card.expiry().getMonthValue();
                    current.expiryYear = card.expiry().getYear();
                    current.networkToken = networkToken;
                    stored = Uni.createFrom().item(current);
                } else {
                    if (current != null) {
                        current.status = CardStatus.REPLACED;
                        current.removedAt = now;
                        removal = cards.flush()
                                .chain(() -> outbox.publish(new CardRemoved(userId, current.networkToken), userId))
                                .replaceWithVoid();
                    }
                    stored = removal.chain(() -> cards.persist(newCard(userId, card, networkToken, print, now)));
                }
                return stored.call(c -> outbox.publish(new CardRegistered(userId, c.networkToken, c.brand.name(),
                                c.last4, c.expiryMonth, c.expiryYear), userId))
                        .call(c -> {
                            profile.apply(after, now);
                            return onboarding.announceIfActivated(before, profile, c.networkToken, now);
                        })
                        .map(CardView::of);
            });
        });
    }

    @WithSession
    public Uni<List<CardView>> list(String userId) {
        return cards.find("userId = ?1 and status = ?2 order by createdAt desc", userId, CardStatus.ACTIVE).list()
                .map(list -> list.stream().map(CardView::of).toList());
    }

    /** Removes the user's card; another user's card (or an unknown id) is not found. */
    @WithTransaction
    public Uni<Void> remove(String userId, UUID cardId) {
        Instant now = clock.instant();
        return profiles.lock(userId).chain(profile -> cards.findActive(userId, cardId).chain(card -> {
            if (card == null || profile == null) {
                return Uni.createFrom().failure(ApiException.notFound("No such card."));
            }
            card.status = CardStatus.REMOVED;
            card.removedAt = now;
            profile.apply(profile.state().removeCard(), now);
            return outbox.publish(new CardRemoved(userId, card.networkToken), userId).replaceWithVoid();
        }));
    }

    private Card newCard(String userId, ValidCard valid, String networkToken, String print, Instant now) {
        CardVault.Sealed sealed = vault.encrypt(valid.pan(), userId);
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.userId = userId;
        card.status = CardStatus.ACTIVE;
        card.networkToken = networkToken;
        card.brand = valid.brand();
        card.last4 = valid.last4();
        card.expiryMonth = valid.expiry().getMonthValue();
        card.expiryYear = valid.expiry().getYear();
        card.panKeyId = sealed.keyId();
        card.panCiphertext = sealed.ciphertext();
        card.fingerprint = print;
        card.createdAt = now;
        return card;
    }
}
