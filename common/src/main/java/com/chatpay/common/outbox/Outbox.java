package com.chatpay.common.outbox;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.EventEnvelope;
import com.chatpay.common.events.EventType;
import com.chatpay.common.persistence.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.engine.ReactiveAfterTransactionCompletionProcess;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.session.ReactiveSession;
import org.jboss.logging.Logger;

/**
 * Where services publish events: the event is inserted into {@code outbox_event} inside the caller's current
 * transaction, so it exists if and only if the state change commits. Calling it outside a transaction fails:
 * there is no "persist, then send" path. Two kinds of transaction: a Panache one (the session's) and a plain SQL one
 * (a reactive client connection in a transaction, for hot paths written without Hibernate). When the transaction
 * commits, this process's relay is woken ({@link OutboxRelay#wake}); nothing is woken on a rollback.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private static final String INSERT = "INSERT INTO outbox_event (id, topic, event_key, event_type, envelope, "
            + "created_at) VALUES ($1, $2, $3, $4, $5, $6)";

    private final Clock clock;
    private final String source;
    private final OutboxRelay relay;
    private final ReactiveAfterTransactionCompletionProcess wakeRelay;
    private volatile boolean warnedNoHook;

    public Outbox(Clock clock, @ConfigProperty(name = "chatpay.service-name") String serviceName, OutboxRelay relay) {
        this.clock = clock;
        this.source = "urn:chatpay:" + serviceName;
        this.relay = relay;
        this.wakeRelay = (committed, session) -> {
            if (committed) {
                relay.wake();
            }
            return CompletableFuture.completedFuture(null);
        };
    }

    /**
     * Records {@code payload} for publication on its registered topic, keyed by {@code subject} (the user whose
     * events must stay in order). Must run inside {@code Panache.withTransaction} / {@code @WithTransaction}.
     */
    public Uni<EventEnvelope> publish(Record payload, String subject) {
        Pending event = pending(payload, subject);
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(event.outsideTransaction());
            }
            return Panache.getSession().chain(session -> {
                wakeRelayOnCommit(session);
                return session.persist(event.row());
            }).replaceWith(event.envelope());
        });
    }

    /**
     * As {@link #publish(Record, String)}, in the transaction {@code connection} has begun (for instance in
     * {@code pool.withTransaction(...)}); on a connection outside a transaction it fails and writes nothing.
     */
    public Uni<EventEnvelope> publish(SqlConnection connection, Record payload, String subject) {
        Pending event = pending(payload, subject);
        Transaction transaction = connection.transaction();
        if (transaction == null) {
            return Uni.createFrom().failure(event.outsideTransaction());
        }
        transaction.getDelegate().completion().onSuccess(committed -> relay.wake());
        OutboxEvent row = event.row();
        return connection.preparedQuery(INSERT)
                .execute(Tuple.of(row.id, row.topic, row.key, row.type, row.envelope,
                        SqlTimes.utc(row.createdAt)))
                .replaceWith(event.envelope());
    }

    /**
     * Hibernate Reactive runs its action queue's completion processes once its transaction ended ({@code committed}
     * false after a rollback); its public session type does not expose the queue, its implementation does.
     */
    private void wakeRelayOnCommit(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            impl.unwrap(ReactiveSession.class).getReactiveActionQueue().registerProcess(wakeRelay);
        } else if (!warnedNoHook) {
            warnedNoHook = true;
            LOG.warnf("cannot wake the outbox relay at commit from a %s: Panache events wait for its next poll",
                    session.getClass().getName());
        }
    }

    private Pending pending(Record payload, String subject) {
        EventType type = EventType.of(payload);
        EventEnvelope envelope = EventCodec.wrap(payload, source, subject, clock.instant());
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = type.topic();
        row.key = subject;
        row.type = type.typeName();
        row.envelope = EventCodec.toJson(envelope);
        row.createdAt = envelope.time();
        return new Pending(envelope, row);
    }

    /** An event and the outbox row that will carry it. */
    private record Pending(EventEnvelope envelope, OutboxEvent row) {
        IllegalStateException outsideTransaction() {
            return new IllegalStateException("Outbox.publish must run inside a transaction (event " + row.type + ")");
        }
    }
}
