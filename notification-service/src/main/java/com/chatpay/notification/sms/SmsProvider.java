package com.chatpay.notification.sms;

import io.smallrye.mutiny.Uni;

/**
 * The port to the SMS operator. The default adapter is {@link SimulatedSmsProvider}; a real operator's adapter
 * replaces it without touching the rest of the service.
 */
public interface SmsProvider {

    /**
     * Hands one message to the operator. Calls with the same {@link OutgoingSms#idempotencyKey()} send at most one
     * message: a repeat of a call whose answer was lost reports the first message instead of sending a second one.
     * Fails with {@link SmsProviderException} when the operator refused or did not answer (worth retrying).
     */
    Uni<SmsReceipt> send(OutgoingSms sms);
}
