package com.chatpay.notification.feed;

import static com.chatpay.common.persistence.SqlTimes.utc;

import com.chatpay.common.paging.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /**
     * Inserts unless the user already has a notification of this kind for this payment; true when inserted. On the
     * connection of the consuming transaction (plain SQL: the consumer runs without a Hibernate session).
     */
    public Uni<Boolean> insertOnce(SqlConnection connection, Notification n) {
        return connection.preparedQuery("INSERT INTO notification (id, user_id, payment_id, kind, text, created_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT notification_once DO NOTHING")
                .execute(Tuple.of(n.id, n.userId, n.paymentId, n.kind, n.text, utc(n.createdAt)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Up to {@code size} notifications of {@code userId}, newest first, after {@code after} when given. */
    @WithSession
    public Uni<List<Notification>> page(String userId, PageCursor after, int size) {
        if (after == null) {
            return find("userId = ?1", NEWEST_FIRST, userId).page(Page.ofSize(size)).list();
        }
        return find("userId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))", NEWEST_FIRST, userId,
                after.createdAt(), after.id()).page(Page.ofSize(size)).list();
    }
}
