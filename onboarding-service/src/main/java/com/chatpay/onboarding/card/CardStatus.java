package com.chatpay.onboarding.card;

/** A vault entry's life: one ACTIVE card per user; a new card REPLACES it; the user can REMOVE it. */
public enum CardStatus {
    ACTIVE,
    REPLACED,
    REMOVED
}
