package com.chatpay.notification.push;

import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.notification.delivery.DeliveryChannel;
import com.chatpay.notification.delivery.DeliveryRepository;
import com.chatpay.notification.delivery.NewDelivery;
import com.chatpay.notification.feed.Notification;
import com.chatpay.notification.feed.NotificationKind;
import com.chatpay.notification.preferences.NotificationPreferenceRepository;
import com.chatpay.notification.preferences.PreferencesView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.chatpay.notification.push.PushTokenRepository.Device;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Queues the pushes of new in-app notifications, in the consuming transaction: one delivery per device of each
 * notification's user, unless the user muted this kind ({@link PushPolicy}). Called only for notifications just
 * created, so a redelivered event pushes nothing again; the dedup key (notification, device) holds that on its own too.
 */
@ApplicationScoped
public class PushService {

    private final PushTokenRepository tokens;
    private final NotificationPreferenceRepository preferences;
    private final DeliveryRepository deliveries;
    private final NotificationMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;

    public PushService(PushTokenRepository tokens, NotificationPreferenceRepository preferences,
            DeliveryRepository deliveries, NotificationMetrics metrics, ObjectMapper json, Clock clock) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the pushes of {@code created} (notifications just inserted), reading their users' preferences and devices
     * in one statement each, whatever the number of notifications.
     */
    public Uni<Void> push(SqlConnection connection, List<Notification> created, Instant eventAt) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> userIds = created.stream().map(n -> n.userId).distinct().toList();
        return preferences.ofUsers(connection, userIds).chain(preferenceOf -> tokens.ofUsers(connection, userIds)
                .chain(devices -> queue(connection, created, eventAt, preferenceOf, devices)));
    }

    private Uni<Void> queue(SqlConnection connection, List<Notification> created, Instant eventAt,
            Map<String, PreferencesView> preferenceOf, Map<String, List<Device>> devices) {
        Instant now = clock.instant();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Notification notification : created) {
            NotificationKind kind = NotificationKind.valueOf(notification.kind);
            if (!PushPolicy.pushes(kind, preferenceOf.getOrDefault(notification.userId, PreferencesView.DEFAULTS))) {
                metrics.count(Channel.PUSH, Outcome.MUTED);
                continue;
            }
            for (Device device : devices.getOrDefault(notification.userId, List.of())) {
                PushPayload payload = new PushPayload(device.token(), device.platform(), notification.text,
                        notification.id, notification.paymentId, notification.kind);
                NewDelivery delivery = NewDelivery.pending(DeliveryChannel.PUSH,
                        "push:" + notification.id + ":" + fingerprint(device.token()), notification.userId,
                        notification.paymentId, write(payload), eventAt == null ? now : eventAt);
                // one statement at a time: a connection runs no two queries at once
                chain = chain.chain(() -> deliveries.enqueue(connection, delivery, now)).replaceWithVoid();
            }
        }
        return chain;
    }

    /** A short stable name of a device token, for dedup keys (the token itself can be kilobytes long). */
    static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(PushPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a push payload", e);
        }
    }
}
