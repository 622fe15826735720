package com.chatpay.payment.payment;

import static com.chatpay.common.persistence.SqlTimes.instant;
import static com.chatpay.common.persistence.SqlTimes.utc;

import com.chatpay.common.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Payments in plain SQL on the connection of the caller's transaction, for the hot paths that run without a Hibernate
 * session: accepting a payment, limits-service's decision on it, waiting for that decision and settling the payment,
 * each once per payment or more, with no session to open and no entity to hydrate, dirty-check and flush. The rows
 * are the ones {@link PaymentRepository} maps; a payment read here is a plain object, never attached to a session,
 * and its changes are written back by {@link #save}.
 */
@ApplicationScoped
public class PaymentRows {

    private static final String COLUMNS = "id, payer_id, payee_id, conversation_id, amount_value, currency, message,"
            + " payer_country, status, reason, expires_at, created_at, updated_at, network_retry_at, version";

    private static final String FIND = "SELECT " + COLUMNS + " FROM payment WHERE id = $1";

    private static final String INSERT = "INSERT INTO payment (" + COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

    private static final String SAVE = "UPDATE payment SET status = $3, reason = $4, expires_at = $5,"
            + " updated_at = $6, network_retry_at = $7, version = version + 1 WHERE id = $1 AND version = $2";

    private static final String CLAIM_STEP = "UPDATE payment SET network_retry_at = $3, version = version + 1"
            + " WHERE id = $1 AND status = 'PENDING' AND network_retry_at <= $2 RETURNING " + COLUMNS;

    private static final String CLAIM_RESERVED = "UPDATE payment SET network_retry_at = $2, version = version + 1"
            + " WHERE id = $1 AND status = 'PENDING' AND network_retry_at IS NULL RETURNING " + COLUMNS;

    /** The payment as committed (through a pool) or as this transaction sees it (a connection); or null. */
    public Uni<Payment> find(SqlClient client, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(id)).map(PaymentRows::firstOrNull);
    }

    /** The payment, its row locked until the transaction ends (transitions are serialised per payment); or null. */
    public Uni<Payment> lockForUpdate(SqlConnection connection, UUID id) {
        return connection.preparedQuery(FIND + " FOR UPDATE").execute(Tuple.of(id)).map(PaymentRows::firstOrNull);
    }

    /** Stores a new payment ({@link Payment#request}) in the caller's transaction. */
    public Uni<Void> insert(SqlConnection connection, Payment payment) {
        return connection.preparedQuery(INSERT)
                .execute(Tuple.from(new Object[] {payment.id(), payment.payerId(), payment.payeeId(),
                        payment.conversationId(), payment.amount().value(), payment.amount().currency(),
                        payment.message(), payment.payerCountry(), payment.status().name(), payment.reason(),
                        utc(payment.expiresAt()), utc(payment.createdAt()), utc(payment.updatedAt()),
                        utc(payment.networkRetryAt()), payment.version()}))
                .replaceWithVoid();
    }

    /**
     * Claims the card-network step of a PENDING payment due by {@code dueBy}, in one statement of its own: the step is
     * rescheduled to {@code until} (should the claimant stop, another run takes it over then) and the row's version
     * moves on, so whatever the claimant writes once the network answered finds the row as claimed or writes nothing
     * ({@link #saveIfUnchanged}). Answers the payment as claimed, or null when it is not PENDING with its step due.
     */
    public Uni<Payment> claimStep(SqlClient client, UUID id, Instant dueBy, Instant until) {
        return client.preparedQuery(CLAIM_STEP).execute(Tuple.of(id, utc(dueBy), utc(until)))
                .map(PaymentRows::firstOrNull);
    }

    /**
     * Claims the card step of a payment that awaits its limits decision ({@link Payment#awaitsLimitsDecision}), in
     * one statement, as the transaction of {@code connection} records that limits reserved it: its step rescheduled
     * to {@code until}, its row locked until that transaction ends. Null when the payment is unknown or no longer
     * awaits its decision (decided, or its step due or claimed already), and then nothing is written.
     */
    public Uni<Payment> claimReserved(SqlConnection connection, UUID id, Instant until) {
        return connection.preparedQuery(CLAIM_RESERVED).execute(Tuple.of(id, utc(until)))
                .map(PaymentRows::firstOrNull);
    }

    /**
     * Writes what a transition (or a rescheduled card step) changed in {@code payment}, read by
     * {@link #lockForUpdate} in this transaction, and moves its version on with the row's (it may be saved again);
     * fails if the row's version moved on since (it cannot while the row is locked, so a failure means the caller
     * broke that rule).
     */
    public Uni<Void> save(SqlConnection connection, Payment payment) {
        return saveIfUnchanged(connection, payment).map(saved -> {
            if (!saved) {
                throw new IllegalStateException("payment " + payment.id() + " changed since it was read");
            }
            return null;
        });
    }

    /**
     * Writes what changed in {@code payment} if its row is still at the version it was read (or claimed) with, and
     * then moves the payment's version on with the row's; answers whether it was. The row stays locked until the
     * transaction ends either way.
     */
    public Uni<Boolean> saveIfUnchanged(SqlConnection connection, Payment payment) {
        return connection.preparedQuery(SAVE)
                .execute(Tuple.from(new Object[] {payment.id(), payment.version(), payment.status().name(),
                        payment.reason(), utc(payment.expiresAt()), utc(payment.updatedAt()),
                        utc(payment.networkRetryAt())}))
                .map(rows -> {
                    if (rows.rowCount() != 1) {
                        return false;
                    }
                    payment.versionWritten();
                    return true;
                });
    }

    /**
     * Makes the card step of the payment claimed as {@code claimed} due at {@code at}, nothing else changed, if its
     * row is still as claimed; answers whether it was. For a claimant whose step cannot be recorded as it ran: the
     * row keeps the state it was claimed in, whatever {@code claimed} moved to meanwhile.
     */
    public Uni<Boolean> rescheduleIfUnchanged(SqlConnection connection, Payment claimed, Instant at) {
        return connection.preparedQuery("UPDATE payment SET network_retry_at = $3, version = version + 1"
                        + " WHERE id = $1 AND version = $2")
                .execute(Tuple.of(claimed.id(), claimed.version(), utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Payment firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : payment(rows.iterator().next());
    }

    private static Payment payment(Row row) {
        return Payment.restore(row.getUUID("id"), row.getString("payer_id"), row.getString("payee_id"),
                row.getString("conversation_id"), new Money(row.getLong("amount_value"), row.getString("currency")),
                row.getString("message"), row.getString("payer_country"),
                PaymentStatus.valueOf(row.getString("status")), row.getString("reason"), instant(row, "expires_at"),
                instant(row, "created_at"), instant(row, "updated_at"), instant(row, "network_retry_at"),
                row.getLong("version"));
    }
}
