package com.chatpay.notification.sms;

import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.notification.sms.SmsDeliveryAttempts.Status;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Sends one SMS at most once, however often the consumer runs the same event.
 *
 * <p>The inbox makes database effects exactly-once, but an SMS is an effect outside the database: it cannot roll
 * back with the consuming transaction, and that transaction can fail after the message went out (commit lost,
 * service killed), after which the event is processed again. So each attempt is recorded around the provider call,
 * in its own autocommitted statements rather than in the consuming transaction (whose rollback would erase it):
 * <ul>
 *   <li>before the call, the attempt is recorded as SENDING;</li>
 *   <li>after it, as SENT (the provider accepted it) or FAILED (refused or unanswered; the failure propagates so the
 *       consumer retries with backoff).</li>
 * </ul>
 * A later run first looks for a SENT attempt of the same delivery: found, the message went out and nothing is sent
 * again. An attempt left SENDING or FAILED is ambiguous (the provider may have sent it and its answer been lost), so
 * the retry calls the provider again with the same idempotency key, and the provider sends nothing new for a key it
 * already accepted ({@link SmsProvider#send}). Either way the user gets the message once.
 */
@ApplicationScoped
public class SmsDelivery {

    private static final Logger LOG = Logger.getLogger(SmsDelivery.class);

    private final SmsProvider provider;
    private final SmsDeliveryAttempts attempts;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public SmsDelivery(SmsProvider provider, SmsDeliveryAttempts attempts, NotificationMetrics metrics, Clock clock) {
        this.provider = provider;
        this.attempts = attempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Sends {@code text} to {@code phoneNumber} unless the delivery {@code deliveryKey} already went out. */
    public Uni<Void> deliver(String deliveryKey, String userId, String phoneNumber, String text) {
        return attempts.alreadySent(deliveryKey).chain(sent -> {
            if (sent) {
                metrics.count(Channel.SMS, Outcome.DUPLICATE);
                LOG.infof("SMS %s for user %s already sent: not sending again", deliveryKey, userId);
                return Uni.createFrom().voidItem();
            }
            return attempts.start(deliveryKey, userId, clock.instant())
                    .chain(attemptId -> provider.send(new OutgoingSms(deliveryKey, phoneNumber, text))
                            .onFailure().call(e -> attempts.finish(attemptId, Status.FAILED, describe(e), null,
                                            clock.instant())
                                    .invoke(() -> {
                                        metrics.count(Channel.SMS, Outcome.FAILED);
                                        LOG.warnf("SMS %s for user %s not sent (will retry): %s", deliveryKey, userId,
                                                describe(e));
                                    }))
                            .call(receipt -> attempts.finish(attemptId, Status.SENT, null, receipt.messageId(),
                                    clock.instant()))
                            .invoke(receipt -> {
                                metrics.count(Channel.SMS, receipt.alreadySent() ? Outcome.DUPLICATE : Outcome.SENT);
                                LOG.infof("SMS %s for user %s handed to the operator (message %s%s)", deliveryKey,
                                        userId, receipt.messageId(), receipt.alreadySent() ? ", already sent" : "");
                            }))
                    .replaceWithVoid();
        });
    }

    /** What went wrong, without any content: provider messages are ours; other failures only name their type. */
    private static String describe(Throwable e) {
        return e instanceof SmsProviderException ? e.getMessage() : e.getClass().getSimpleName();
    }
}
