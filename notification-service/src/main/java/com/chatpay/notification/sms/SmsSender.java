package com.chatpay.notification.sms;

import com.chatpay.common.events.MalformedEventException;
import com.chatpay.notification.delivery.Delivery;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliverySender;
import com.chatpay.notification.delivery.SendOutcome;
import com.chatpay.notification.text.Lang;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends SMS deliveries: decrypts the code, writes the text with the minutes left, hands it to the {@link SmsProvider}
 * under the delivery's key (so a repeated attempt never sends a second SMS). A code that expired before it could go
 * out is not sent (FAILED, outcome {@code expired}): the user asks for a new one.
 */
@ApplicationScoped
public class SmsSender implements DeliverySender {

    private final SmsProvider provider;
    private final SmsCodeDecryptor decryptor;
    private final ObjectMapper json;
    private final Clock clock;

    public SmsSender(SmsProvider provider, SmsCodeDecryptor decryptor, ObjectMapper json, Clock clock) {
        this.provider = provider;
        this.decryptor = decryptor;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.SMS;
    }

    @Override
    public Uni<SendOutcome> send(Delivery delivery) {
        SmsPayload payload;
        String code;
        try {
            payload = json.readValue(delivery.payload(), SmsPayload.class);
            code = decryptor.decrypt(payload.encryptedCode());
        } catch (JsonProcessingException | MalformedEventException e) {
            return Uni.createFrom().item(new SendOutcome.GiveUp("the stored SMS cannot be read or decrypted", false));
        }
        Optional<String> text = SmsTemplates.codeMessage(Lang.of(payload.locale()), code, payload.expiresAt(),
                clock.instant());
        if (text.isEmpty()) {
            return Uni.createFrom().item(new SendOutcome.GiveUp("the code expired before it could be sent", true));
        }
        return provider.send(new OutgoingSms(delivery.dedupKey(), payload.phoneNumber(), text.get()))
                .<SendOutcome>map(receipt -> new SendOutcome.Sent(receipt.alreadySent()))
                .onFailure(SmsProviderException.class).recoverWithItem(e -> new SendOutcome.Retry(e.getMessage()));
    }
}
