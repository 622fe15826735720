package com.chatpay.payment.cardnetwork;

import com.chatpay.common.money.Money;
import io.smallrye.mutiny.Uni;

/**
 * The card network, as payment-service uses it: money moves in two phases, like a card authorization. Every call
 * carries an idempotency {@code reference} (the payment id): repeating a call with the same reference repeats its
 * answer and never moves money twice. Each call answers within the adapter's timeout, with
 * {@link CardResult.Outcome#TIMED_OUT} otherwise; it never fails the Uni for a business outcome.
 */
public interface CardNetwork {

    /** Holds {@code amount} on the payer's card. */
    Uni<CardResult> authorize(String reference, String cardToken, Money amount);

    /** Captures the hold of {@code reference} (the payer is charged). */
    Uni<CardResult> capture(String reference);

    /** Pushes {@code amount} to the payee's card (payout). */
    Uni<CardResult> pushToCard(String reference, String cardToken, Money amount);

    /** Releases the hold of {@code reference}, if any (nothing is charged). */
    Uni<CardResult> voidHold(String reference);

    /** Gives back a captured charge to the payer's card. */
    Uni<CardResult> reverse(String reference);
}
