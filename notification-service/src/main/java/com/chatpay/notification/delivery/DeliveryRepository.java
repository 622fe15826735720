package com.chatpay.notification.delivery;

import static com.chatpay.common.persistence.SqlTimes.utc;

import com.chatpay.common.ids.TimeOrderedIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;

/**
 * Creates deliveries inside the consuming transaction of an event, on its connection, so a delivery exists exactly
 * when the event's other effects (notification, inbox record) committed.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** Inserts the delivery unless one with the same dedup key exists; true when inserted. Due at once. */
    public Uni<Boolean> enqueue(SqlConnection connection, NewDelivery delivery, Instant now) {
        return connection.preparedQuery("INSERT INTO delivery (id, channel, dedup_key, user_id, payment_id, payload,"
                        + " status, attempts, next_attempt_at, last_error, event_at, created_at, updated_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9, $10, $8, $8)"
                        + " ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING")
                .execute(Tuple.tuple(Arrays.asList(TimeOrderedIds.next(), delivery.channel().name(),
                        delivery.dedupKey(), delivery.userId(), delivery.paymentId(), delivery.payload(),
                        delivery.status().name(), utc(now), delivery.lastError(), utc(delivery.eventAt()))))
                .map(rows -> rows.rowCount() == 1);
    }
}
