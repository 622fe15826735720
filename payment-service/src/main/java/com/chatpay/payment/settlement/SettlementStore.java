package com.chatpay.payment.settlement;

import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.ledger.Ledger;
import com.chatpay.payment.ledger.LedgerPosting;
import com.chatpay.payment.ledger.LedgerRows;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentRows;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.users.PaymentUser;
import com.chatpay.payment.users.PaymentUserRepository;
import com.chatpay.payment.users.PaymentUserRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a settlement step reads and writes, besides calling the card network: the payment's postings, its parties,
 * its event. In two kinds of step: one in its caller's Hibernate transaction ({@link Session}: ops, and the steps a
 * user's request or event triggers, next to entities of their own, the payment's row locked throughout), and the
 * step every payment runs once, right after limits reserved it, with no transaction open while the network is called
 * ({@link Claimed}).
 */
sealed interface SettlementStore {

    /** The kinds of posting booked for the payment. */
    Uni<Set<PostingKind>> bookedKinds(UUID paymentId);

    /** Books the posting; a second posting of its kind for the payment fails the transaction. */
    Uni<Void> book(LedgerPosting posting);

    /** The user as payment-service knows them (not locked), or null. */
    Uni<PaymentUser> user(String userId);

    /** The payee about to be paid or waited for: in a transaction, their row, created empty if unknown, locked. */
    Uni<PaymentUser> lockOrCreateUser(String userId, Instant now);

    /** Records the payment's event in the outbox; {@code recorded} runs once it is (counting the transition). */
    Uni<Void> publish(Record event, String subject, Runnable recorded);

    /** The current Hibernate session's transaction: the payment is an entity, its changes are flushed at commit. */
    record Session(Ledger ledger, PaymentUserRepository users, Outbox outbox) implements SettlementStore {

        @Override
        public Uni<Set<PostingKind>> bookedKinds(UUID paymentId) {
            return ledger.bookedKinds(paymentId);
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
        public Uni<Void> publish(Record event, String subject, Runnable recorded) {
            return outbox.publish(event, subject).invoke(recorded).replaceWithVoid();
        }
    }

    /**
     * The step of a PENDING payment claimed by the decision that reserved it or by {@link PaymentRows#claimStep}
     * (its claim rescheduled the step and moved the row's version on), run with no transaction open and no
     * connection held while the network answers: it reads what was read at the claim (the postings booked, the
     * parties), and what it writes waits for {@link #record}, which writes it all in one short transaction once the
     * step is over. Nothing else moves a PENDING payment but its limits decision and this step, and the claim keeps
     * other runs of the step away until it lapses; should one take it over all the same, the network answers it as
     * it answered this one (every call is idempotent by the payment id) and only one of them records.
     */
    final class Claimed implements SettlementStore {

        private static final Logger LOG = Logger.getLogger(Claimed.class);

        /** What {@link #record} made of the step. */
        enum Outcome {
            /** Written as the step left the payment. */
            RECORDED,
            /** The payee activated during the step: its postings written, the payment PENDING with its step due. */
            DUE_AGAIN,
            /** Nothing written: the payment changed since it was claimed. */
            TAKEN_OVER
        }

        private final Rows rows;
        private final Set<PostingKind> booked;
        private final Map<String, PaymentUser> parties;
        private final List<LedgerPosting> unbooked = new ArrayList<>(6);
        private final List<Unpublished> unpublished = new ArrayList<>(1);

        private record Unpublished(Record event, String subject, Runnable recorded) {
        }

        /** {@code booked} and {@code parties}: the payment's postings and parties, as read when it was claimed. */
        Claimed(Rows rows, Set<PostingKind> booked, Map<String, PaymentUser> parties) {
            this.rows = rows;
            this.booked = Set.copyOf(booked);
            this.parties = Map.copyOf(parties);
        }

        @Override
        public Uni<Set<PostingKind>> bookedKinds(UUID paymentId) {
            return Uni.createFrom().item(booked);
        }

        @Override
        public Uni<Void> book(LedgerPosting posting) {
            unbooked.add(posting);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<PaymentUser> user(String userId) {
            return Uni.createFrom().item(parties.get(userId));
        }

        /** The payee as read at the claim, not locked: {@link #record} locks them if the payment is to wait. */
        @Override
        public Uni<PaymentUser> lockOrCreateUser(String userId, Instant now) {
            PaymentUser known = parties.get(userId);
            return Uni.createFrom().item(known != null ? known : PaymentUser.unknown(userId, now));
        }

        @Override
        public Uni<Void> publish(Record event, String subject, Runnable recorded) {
            unpublished.add(new Unpublished(event, subject, recorded));
            return Uni.createFrom().voidItem();
        }

        /**
         * Writes the step's outcome in the transaction {@code connection} has begun: {@code payment} (as claimed,
         * then moved on in memory by the step), its postings, its event; or nothing if the payment changed since it
         * was claimed (the claim lapsed and another run took the step over, which records it). A payment the step
         * leaves waiting for its payee waits only if the payee, now locked, still cannot receive: a payee who
         * activated during the step found the payment PENDING, not waiting, and nothing else would pay it out; it
         * stays PENDING with its hold booked, no event, and its step due at {@code now}.
         */
        Uni<Outcome> record(SqlConnection connection, Payment payment, Instant now) {
            Uni<Boolean> payeeActivated = payment.status() != PaymentStatus.AWAITING_PAYEE
                    ? Uni.createFrom().item(false)
                    : rows.users().lockOrCreate(connection, payment.payeeId(), now).map(PaymentUser::canReceive);
            return payeeActivated.chain(dueAgain -> (dueAgain
                            ? rows.payments().rescheduleIfUnchanged(connection, payment, now)
                            : rows.payments().saveIfUnchanged(connection, payment))
                    .chain(written -> {
                        if (!written) {
                            LOG.infof("payment %s: its card step was taken over by another run, which records it",
                                    payment.id());
                            return Uni.createFrom().item(Outcome.TAKEN_OVER);
                        }
                        Uni<Void> writes = unbooked.isEmpty() ? Uni.createFrom().voidItem()
                                : rows.ledger().insert(connection, List.copyOf(unbooked));
                        if (dueAgain) {
                            return writes.replaceWith(Outcome.DUE_AGAIN);
                        }
                        for (Unpublished event : unpublished) {
                            writes = writes.chain(() -> rows.outbox().publish(connection, event.event(),
                                    event.subject()).replaceWithVoid());
                        }
                        return writes.replaceWith(Outcome.RECORDED);
                    }));
        }

        /** Once the transaction of a {@link Outcome#RECORDED} step committed: runs what waited for its events. */
        void recorded() {
            unpublished.forEach(event -> event.recorded().run());
        }

        /** Where {@link #record} writes. */
        record Rows(PaymentRows payments, LedgerRows ledger, PaymentUserRows users, Outbox outbox) {
        }
    }
}
