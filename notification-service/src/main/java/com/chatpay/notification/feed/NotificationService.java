package com.chatpay.notification.feed;

import com.chatpay.common.ids.TimeOrderedIds;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.notification.NotificationMetrics;
import com.chatpay.notification.NotificationMetrics.Channel;
import com.chatpay.notification.NotificationMetrics.Outcome;
import com.chatpay.common.problem.ApiException;
import com.chatpay.notification.push.PushService;
import com.chatpay.notification.users.UserDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates the in-app notifications of payment events (and queues their pushes) and serves each user's feed.
 */
@ApplicationScoped
public class NotificationService {

    /** The name the feed's cursors carry. */
    static final String LIST = "feed";

    private static String cursorAfter(Notification last) {
        return new PageCursor(last.createdAt, last.id).encode(LIST);
    }

    private final NotificationRepository notifications;
    private final UserDirectory users;
    private final PushService pushes;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, UserDirectory users, PushService pushes,
            NotificationMetrics metrics, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.pushes = pushes;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Creates the notifications of one payment event, inside the consuming transaction (on its connection). The
     * inbox runs this once per event; the unique (user, payment, kind) makes a second event of the same meaning add
     * nothing either — no notification, so no push. {@code eventAt} (the event's time) dates the pushes for the delivery timer.
     */
    public Uni<Void> notify(SqlConnection connection, PaymentEvent event, Instant eventAt) {
        return users.people(connection, List.of(event.payerId(), event.payeeId()))
                .map(people -> PaymentNotifications.plan(event, people.get(event.payerId()),
                        people.get(event.payeeId())))
                .chain(drafts -> insertAll(connection, event, eventAt, drafts));
    }

    private Uni<Void> insertAll(SqlConnection connection, PaymentEvent event, Instant eventAt,
            List<NotificationDraft> drafts) {
        // the database keeps microseconds: truncate so the feed cursor round-trips exactly
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Notification> created = new ArrayList<>(drafts.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (NotificationDraft draft : drafts) {
            Notification n = new Notification();
            n.id = TimeOrderedIds.next();
            n.userId = draft.userId();
            n.paymentId = event.paymentId();
            n.kind = draft.kind().name();
            n.text = draft.text();
            n.createdAt = now;
            chain = chain.chain(() -> notifications.insertOnce(connection, n))
                    .invoke(inserted -> {
                        metrics.count(Channel.IN_APP, inserted ? Outcome.SENT : Outcome.DUPLICATE);
                        if (inserted) {
                            created.add(n);
                        }
                    })
                    .replaceWithVoid();
        }
        // the pushes of every notification just created, their users' preferences and devices read at once
        return chain.chain(() -> pushes.push(connection, created, eventAt));
    }

    /** One page of {@code userId}'s feed, newest first. */
    @WithSession
    public Uni<NotificationPage> feed(String userId, int limit, PageCursor after) {
        return notifications.page(userId, after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<Notification> page = more ? found.subList(0, limit) : found;
            return new NotificationPage(page.stream().map(NotificationView::of).toList(),
                    more ? cursorAfter(page.get(page.size() - 1)) : null);
        });
    }

    /**
     * Marks one of {@code userId}'s notifications read (idempotent: the first read time stays). Someone else's
     * notification, or an unknown id, is a 404 like any resource the caller cannot see.
     */
    @WithTransaction
    public Uni<NotificationView> markRead(String userId, UUID id) {
        return notifications.findById(id).map(n -> {
            if (n == null || !n.userId.equals(userId)) {
                throw ApiException.notFound("No such notification.");
            }
            if (n.readAt == null) {
                n.readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            }
            return NotificationView.of(n);
        });
    }
}
