package com.chatpay.payment.settlement;

import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.ledger.Ledger;
import com.chatpay.payment.ledger.LedgerPosting;
import com.chatpay.payment.ledger.LedgerRows;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentRows;
import com.chatpay.payment.users.PaymentUser;
import com.chatpay.payment.users.PaymentUserRepository;
import com.chatpay.payment.users.PaymentUserRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a settlement step reads and writes, besides calling the card network, in its caller's transaction: the
 * payment's postings, its parties, its event. As the outbox, in two kinds of transaction: a Hibernate session's
 * ({@link Session}, for ops and for the steps a user's request or event triggers, next to entities of their own)
 * and a plain SQL one ({@link Sql}, for the step every payment runs once, right after limits reserved it).
 */
sealed interface SettlementStore {

    /** The kinds of posting booked for the payment. */
    Uni<Set<PostingKind>> bookedKinds(UUID paymentId);

    /** The payment's posting of {@code kind}, if booked. */
    Uni<Optional<LedgerPosting>> posting(UUID paymentId, PostingKind kind);

    /** Books the posting; a second posting of its kind for the payment fails the transaction. */
    Uni<Void> book(LedgerPosting posting);

    /** The user as payment-service knows them (not locked), or null. */
    Uni<PaymentUser> user(String userId);

    /** The user's row, created empty if unknown, locked until the transaction ends. */
    Uni<PaymentUser> lockOrCreateUser(String userId, Instant now);

    /** Records the payment's event in the outbox. */
    Uni<Void> publish(Record event, String subject);

    /** The current Hibernate session's transaction: the payment is an entity, its changes are flushed at commit. */
    record Session(Ledger ledger, PaymentUserRepository users, Outbox outbox) implements SettlementStore {

        @Override
        public Uni<Set<PostingKind>> bookedKinds(UUID paymentId) {
            return ledger.bookedKinds(paymentId);
        }

        @Override
        public Uni<Optional<LedgerPosting>> posting(UUID paymentId, PostingKind kind) {
            return ledger.posting(paymentId, kind);
        }

        @Override
        public Uni<Void> book(LedgerPosting posting) {
            return ledger.book(posting);
        }

        @Override
        public Uni<PaymentUser> user(String userId) {
            return users.findById(userId);
        }

        @Override
        public Uni<PaymentUser> lockOrCreateUser(String userId, Instant now) {
            return users.lockOrCreate(userId, now);
        }

        @Override
        public Uni<Void> publish(Record event, String subject) {
            return outbox.publish(event, subject).replaceWithVoid();
        }
    }

    /**
     * The transaction {@code connection} has begun, with no Hibernate session: the payment is a plain object
     * ({@link PaymentRows}). Postings wait and go in one statement with the payment's changes, at {@link #finish}.
     */
    final class Sql implements SettlementStore {

        private final SqlConnection connection;
        private final LedgerRows ledger;
        private final PaymentUserRows users;
        private final PaymentRows payments;
        private final Outbox outbox;
        private final List<LedgerPosting> unbooked = new ArrayList<>(6);

        Sql(SqlConnection connection, LedgerRows ledger, PaymentUserRows users, PaymentRows payments, Outbox outbox) {
            this.connection = connection;
            this.ledger = ledger;
            this.users = users;
            this.payments = payments;
            this.outbox = outbox;
        }

        @Override
        public Uni<Set<PostingKind>> bookedKinds(UUID paymentId) {
            return flush().chain(() -> ledger.kinds(connection, paymentId));
        }

        @Override
        public Uni<Optional<LedgerPosting>> posting(UUID paymentId, PostingKind kind) {
            return flush().chain(() -> ledger.posting(connection, paymentId, kind));
        }

        @Override
        public Uni<Void> book(LedgerPosting posting) {
            unbooked.add(posting);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<PaymentUser> user(String userId) {
            return users.known(connection, userId).map(known -> known.get(userId));
        }

        @Override
        public Uni<PaymentUser> lockOrCreateUser(String userId, Instant now) {
            return users.lockOrCreate(connection, userId, now);
        }

        @Override
        public Uni<Void> publish(Record event, String subject) {
            return outbox.publish(connection, event, subject).replaceWithVoid();
        }

        /** Writes the postings booked since the last write and what the step changed in {@code payment}. */
        Uni<Void> finish(Payment payment) {
            return flush().chain(() -> payments.save(connection, payment));
        }

        private Uni<Void> flush() {
            if (unbooked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<LedgerPosting> batch = List.copyOf(unbooked);
            unbooked.clear();
            return ledger.insert(connection, batch);
        }
    }
}
