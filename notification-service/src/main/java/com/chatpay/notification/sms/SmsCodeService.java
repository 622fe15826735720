package com.chatpay.notification.sms;

import com.chatpay.common.events.OnboardingEvents.SmsCodeRequested;
import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.notification.text.Lang;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Turns an {@link SmsCodeRequested} into the SMS the user reads. The code never reaches a log line. */
@ApplicationScoped
public class SmsCodeService {

    private static final Logger LOG = Logger.getLogger(SmsCodeService.class);

    private final SmsCodeDecryptor decryptor;
    private final SmsDelivery delivery;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public SmsCodeService(SmsCodeDecryptor decryptor, SmsDelivery delivery, NotificationMetrics metrics, Clock clock) {
        this.decryptor = decryptor;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Sends the code of event {@code eventId}, once: the event id keys the delivery. */
    public Uni<Void> sendCode(UUID eventId, SmsCodeRequested request) {
        return Uni.createFrom().deferred(() -> {
            String code = decryptor.decrypt(request.encryptedCode());
            Optional<String> text = SmsTemplates.codeMessage(Lang.of(request.locale()), code, request.expiresAt(),
                    clock.instant());
            if (text.isEmpty()) {
                metrics.count(Channel.SMS, Outcome.EXPIRED);
                LOG.infof("SMS code of challenge %s (user %s) expired before it could be sent: not sent",
                        request.challengeId(), request.userId());
                return Uni.createFrom().voidItem();
            }
            return delivery.deliver("sms-code:" + eventId, request.userId(), request.phoneNumber(), text.get());
        });
    }
}
