package com.chatpay.notification.sms;

import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliveryRepository;
import com.chatpay.notification.delivery.NewDelivery;
import com.chatpay.notification.text.Lang;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns an {@link SmsCodeRequested} into an SMS delivery, in the consuming transaction; the delivery worker sends it
 * ({@link SmsSender}). The code is checked here (a code this service cannot decrypt fails the event to the
 * dead-letter topic) but stored only as it came, encrypted. It never reaches a log line.
 */
@ApplicationScoped
public class SmsCodeService {

    private static final Logger LOG = Logger.getLogger(SmsCodeService.class);

    private final SmsCodeDecryptor decryptor;
    private final DeliveryRepository deliveries;
    private final NotificationMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;

    public SmsCodeService(SmsCodeDecryptor decryptor, DeliveryRepository deliveries, NotificationMetrics metrics,
            ObjectMapper json, Clock clock) {
        this.decryptor = decryptor;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** Queues the code of event {@code eventId} for sending, once: the event id keys the delivery. */
    public Uni<Void> sendCode(SqlConnection connection, UUID eventId, Instant eventAt, SmsCodeRequested request) {
        return Uni.createFrom().deferred(() -> {
            // fails (dead letter) when the code is not ours; the clear code is dropped at once
            decryptor.decrypt(request.encryptedCode());
            Instant now = clock.instant();
            if (SmsTemplates.codeMessage(Lang.of(request.locale()), "0", request.expiresAt(), now).isEmpty()) {
                metrics.count(Channel.SMS, Outcome.EXPIRED);
                LOG.infof("SMS code of challenge %s (user %s) expired before it could be sent: not sent",
                        request.challengeId(), request.userId());
                return Uni.createFrom().voidItem();
            }
            SmsPayload payload = new SmsPayload(request.challengeId(), request.phoneNumber(), request.encryptedCode(),
                    request.locale(), request.expiresAt());
            return deliveries.enqueue(connection, NewDelivery.pending(DeliveryChannel.SMS, "sms-code:" + eventId,
                            request.userId(), null, write(payload), eventAt == null ? now : eventAt), now)
                    .invoke(created -> {
                        if (!created) {
                            metrics.count(Channel.SMS, Outcome.DUPLICATE);
                        }
                    })
                    .replaceWithVoid();
        });
    }

    private String write(SmsPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an SMS payload", e);
        }
    }
}
