package com.chatpay.notification.delivery;

import io.smallrye.mutiny.Uni;

/**
 * Sends the deliveries of one channel; the {@link DeliveryWorker} calls it once per attempt, on a Vert.x context.
 * A failed Uni counts as {@link SendOutcome.Retry}. Each attempt of a delivery passes the same
 * {@link Delivery#dedupKey()} / {@link Delivery#id()} to the provider, so a retry of an attempt whose answer was lost
 * is recognised by the provider (SMS, push) or the webhook receiver ({@code Chatpay-Delivery-Id}).
 */
public interface DeliverySender {

    DeliveryChannel channel();

    Uni<SendOutcome> send(Delivery delivery);
}
