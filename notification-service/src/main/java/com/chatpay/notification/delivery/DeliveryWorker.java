package com.chatpay.notification.delivery;

import com.chatpay.common.worker.PollingLoop;
import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Outcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, on a Vert.x timer like the outbox relay: claims a batch, hands each row to its channel's
 * {@link DeliverySender} concurrently, then records the outcome — SENT; PENDING again after an exponential backoff
 * with jitter ({@link RetryPolicy}); FAILED once the maximum attempts failed or the sender gives up; SKIPPED when
 * there is nowhere to send. Polls again at once while it finds work, else after the poll interval.
 *
 * <p>Delivery to the outside world is at-least-once: an instance that dies after the provider accepted a message
 * but before recording it sends that attempt again once the lease runs out. Every attempt of a delivery carries the
 * same key, so the SMS and push providers send nothing new and the webhook receiver can drop it
 * ({@code Chatpay-Delivery-Id}).
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 300;

    private final DeliveryQueue queue;
    private final DeliveryConfig config;
    private final RetryPolicy policy;
    private final Map<DeliveryChannel, DeliverySender> senders = new EnumMap<>(DeliveryChannel.class);
    private final NotificationMetrics metrics;
    private final Vertx vertx;
    private final Clock clock;
    private volatile PollingLoop loop;
    private volatile Instant backlogCountedAt = Instant.EPOCH;
    private volatile Instant cleanedAt = Instant.EPOCH;

    public DeliveryWorker(DeliveryQueue queue, DeliveryConfig config, Instance<DeliverySender> senders,
            NotificationMetrics metrics, Vertx vertx, Clock clock) {
        this.queue = queue;
        this.config = config;
        this.policy = new RetryPolicy(config.backoffBase(), config.backoffCap(), config.maxAttempts());
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.metrics = metrics;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            LOG.warn("delivery worker disabled: deliveries stay PENDING until a worker runs");
            return;
        }
        loop = new PollingLoop(vertx, "delivery worker",
                () -> countBacklogIfDue().chain(this::cleanUpIfDue).chain(this::sendDue), config.batchSize(),
                config.pollInterval(), config.errorInterval(), LOG);
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Claims and sends one batch; returns how many deliveries it handled. */
    Uni<Integer> sendDue() {
        Instant now = clock.instant();
        return queue.claim(config.batchSize(), now, now.plus(config.lease())).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Multi.createFrom().iterable(claimed)
                    .onItem().transformToUniAndMerge(this::attempt)
                    .collect().asList()
                    .replaceWith(claimed.size());
        });
    }

    /** One attempt of one delivery; never fails (an outcome that cannot be recorded is retried after the lease). */
    private Uni<Void> attempt(Delivery delivery) {
        DeliverySender sender = senders.get(delivery.channel());
        Uni<SendOutcome> sent = sender == null
                ? Uni.createFrom().item(new SendOutcome.GiveUp("no sender for channel " + delivery.channel(), false))
                : Uni.createFrom().deferred(() -> sender.send(delivery));
        return sent.onFailure().recoverWithItem(e -> new SendOutcome.Retry(describe(e)))
                .chain(outcome -> record(delivery, outcome))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("delivery %s: outcome of attempt %d not recorded (due again after the lease): %s",
                            delivery.id(), delivery.attempts(), e.toString());
                    return null;
                });
    }

    private Uni<Void> record(Delivery delivery, SendOutcome outcome) {
        Instant now = clock.instant();
        var channel = delivery.channel().metric();
        if (outcome instanceof SendOutcome.Sent sent) {
            return queue.finish(delivery.id(), delivery.attempts(), DeliveryStatus.SENT, null, now, now)
                    .invoke(written -> {
                        if (written) {
                            metrics.count(channel, sent.duplicate() ? Outcome.DUPLICATE : Outcome.SENT);
                            metrics.delivered(channel, Duration.between(delivery.eventAt(), now));
                            LOG.infof("delivery %s (%s, %s) sent at attempt %d%s", delivery.id(), delivery.channel(),
                                    delivery.dedupKey(), delivery.attempts(), sent.duplicate() ? ", already sent" : "");
                        }
                    })
                    .replaceWithVoid();
        }
        if (outcome instanceof SendOutcome.Skip skip) {
            return queue.finish(delivery.id(), delivery.attempts(), DeliveryStatus.SKIPPED, truncate(skip.reason()),
                            now, now)
                    .invoke(written -> {
                        if (written) {
                            metrics.count(channel, Outcome.SKIPPED);
                            LOG.infof("delivery %s (%s) skipped: %s", delivery.id(), delivery.channel(), skip.reason());
                        }
                    })
                    .replaceWithVoid();
        }
        if (outcome instanceof SendOutcome.GiveUp giveUp) {
            return fail(delivery, truncate(giveUp.error()), giveUp.expired() ? Outcome.EXPIRED : Outcome.FAILED, now);
        }
        String error = truncate(((SendOutcome.Retry) outcome).error());
        Optional<Duration> delay = policy.nextDelay(delivery.attempts(), ThreadLocalRandom.current().nextDouble());
        if (delay.isEmpty()) {
            return fail(delivery, error, Outcome.FAILED, now);
        }
        return queue.finish(delivery.id(), delivery.attempts(), DeliveryStatus.PENDING, error, now.plus(delay.get()),
                        now)
                .invoke(written -> {
                    if (written) {
                        metrics.count(channel, Outcome.RETRIED);
                        LOG.warnf("delivery %s (%s) attempt %d failed, retrying in %s: %s", delivery.id(),
                                delivery.channel(), delivery.attempts(), delay.get(), error);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> fail(Delivery delivery, String error, Outcome outcome, Instant now) {
        return queue.finish(delivery.id(), delivery.attempts(), DeliveryStatus.FAILED, error, now, now)
                .invoke(written -> {
                    if (written) {
                        metrics.count(delivery.channel().metric(), outcome);
                        LOG.errorf("delivery %s (%s, %s) FAILED after %d attempt(s): %s", delivery.id(),
                                delivery.channel(), delivery.dedupKey(), delivery.attempts(), error);
                    }
                })
                .replaceWithVoid();
    }

    /** Refreshes {@code chatpay_notification_backlog} at most once per refresh interval. */
    private Uni<Void> countBacklogIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(backlogCountedAt.plus(config.backlogRefresh()))) {
            return Uni.createFrom().voidItem();
        }
        backlogCountedAt = now;
        return queue.dueBacklog(now).invoke(due -> metrics.backlog(due.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().metric(), Entry::getValue))))
                .replaceWithVoid();
    }

    /** Deletes settled deliveries older than the retention, at most once an hour. */
    private Uni<Void> cleanUpIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(cleanedAt.plus(Duration.ofHours(1)))) {
            return Uni.createFrom().voidItem();
        }
        cleanedAt = now;
        return queue.deleteSettledBefore(now.minus(config.retention()), now.minus(Duration.ofDays(1)))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("deleted %d deliveries settled more than %s ago", deleted, config.retention());
                    }
                })
                .replaceWithVoid();
    }

    /** What went wrong, without content: only the exception's type and our own message. */
    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
