package com.chatpay.notification.push;

import io.smallrye.mutiny.Uni;

/**
 * The port to the push services (APNs, FCM). The default adapter is {@link SimulatedPushProvider}; real adapters
 * replace it without touching the rest of the service.
 */
public interface PushProvider {

    /**
     * Sends one push. Calls with the same {@link OutgoingPush#idempotencyKey()} show at most one notification on the
     * device (APNs {@code apns-collapse-id}, FCM collapse key). Fails with {@link PushProviderException}.
     */
    Uni<PushReceipt> send(OutgoingPush push);
}
