package com.chatpay.onboarding.card;

import java.util.List;
import java.util.UUID;

/** A card as the user sees it: never more than the last four digits. */
public record CardView(UUID cardId, CardBrand brand, String last4, int expiryMonth, int expiryYear) {

    static CardView of(Card card) {
        return new CardView(card.id, card.brand, card.last4, card.expiryMonth, card.expiryYear);
    }

    /** {@code GET /v1/me/cards}: the list shape of every chatpay list (a user has at most one active card). */
    public record Page(List<CardView> items, String nextCursor) {
    }
}
