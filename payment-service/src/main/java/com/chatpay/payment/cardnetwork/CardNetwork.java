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

    /** Gives back a captured charge to the payer's card (the payout failed: the payee never got it). */
    Uni<CardResult> reverse(String reference);

    /** Takes back the payout of {@code reference} from the payee's card (first half of a refund). */
    Uni<CardResult> reversePayout(String reference);

    /**
     * Where {@code reference} stands on the network. A call that timed out has an unknown outcome: it is settled by
     * asking this, never by guessing.
     */
    Uni<CardStatus> status(String reference);

    /** Credits the captured amount of {@code reference} back to the payer's card (second half of a refund). */
    Uni<CardResult> refund(String reference, Money amount);
}
