package com.chatpay.notification.sms;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated operator's own record of the messages it sent ({@code sms_message}). The simulator stands for a
 * system outside this service, so its writes are autocommitted statements on the pool, never part of the consuming
 * transaction: a message it sent stays sent even when that transaction rolls back, exactly like a real SMS.
 */
@ApplicationScoped
public class SentSmsLog {

    private final Pool pool;

    public SentSmsLog(Pool pool) {
        this.pool = pool;
    }

    /** Records a sent message once per idempotency key; a repeat returns the first message's receipt. */
    public Uni<SmsReceipt> recordOnce(OutgoingSms sms, Instant sentAt) {
        return pool.preparedQuery("INSERT INTO sms_message (idempotency_key, phone_number, text, sent_at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id")
                .execute(Tuple.of(sms.idempotencyKey(), sms.phoneNumber(), sms.text(),
                        OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC)))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(new SmsReceipt(messageId(rows.iterator().next()), false));
                    }
                    return pool.preparedQuery("SELECT id FROM sms_message WHERE idempotency_key = $1")
                            .execute(Tuple.of(sms.idempotencyKey()))
                            .map(existing -> new SmsReceipt(messageId(existing.iterator().next()), true));
                });
    }

    /** The messages sent to {@code phoneNumber} (the latest 1000 at most), oldest first. */
    public Uni<List<SentSms>> sentTo(String phoneNumber) {
        // the newest 1000 at most, shown oldest first
        return pool.preparedQuery("SELECT phone_number, text, sent_at FROM (SELECT id, phone_number, text, sent_at "
                        + "FROM sms_message WHERE phone_number = $1 ORDER BY sent_at DESC, id DESC LIMIT 1000) newest "
                        + "ORDER BY sent_at, id")
                .execute(Tuple.of(phoneNumber))
                .map(rows -> {
                    List<SentSms> sent = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        sent.add(new SentSms(row.getString("phone_number"), row.getString("text"),
                                row.getOffsetDateTime("sent_at").toInstant()));
                    }
                    return sent;
                });
    }

    private static String messageId(Row row) {
        return "sim-" + row.getLong("id");
    }
}
