package com.chatpay.payment.cardnetwork;

import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.HoldState;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.PayoutState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's memory in table {@code simulated_card_reference}, shared by every replica of payment-service and
 * kept through restarts: a step resumed on another replica asks the network that granted the hold. Each change runs
 * in a transaction of its own with the reference's row locked, on the simulator's own small pool, never on a
 * connection of the caller's transaction (a real network is another system; sharing the service's pool could leave
 * every connection waiting for the simulator's). Called on a Vert.x context (a settlement inside its reactive
 * transaction), the pool answers on that context, where the caller's session lives. One row per reference; every
 * {@code forgetEvery}th new reference (1,000th) forgets those older than the latest {@code remembered}.
 */
final class DatabaseSimulatorMemory implements SimulatorMemory {

    private final Pool pool;
    private final int remembered;
    private final int forgetEvery;

    DatabaseSimulatorMemory(Pool pool, int remembered) {
        this(pool, remembered, 1000);
    }

    DatabaseSimulatorMemory(Pool pool, int remembered, int forgetEvery) {
        if (remembered < 1 || forgetEvery < 1) {
            throw new IllegalArgumentException("the network remembers at least one reference and forgets now and then");
        }
        this.pool = pool;
        this.remembered = remembered;
        this.forgetEvery = forgetEvery;
    }

    @Override
    public <T> Uni<T> change(String reference, Function<Reference, T> change) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO simulated_card_reference (reference)"
                        + " VALUES ($1) ON CONFLICT (reference) DO NOTHING RETURNING seq")
                .execute(Tuple.of(reference))
                .chain(inserted -> forgetOldIfDue(conn, inserted.size() == 0 ? 0 : inserted.iterator().next()
                        .getLong(0)))
                .chain(() -> conn.preparedQuery("SELECT hold, payout, charge_final, answers"
                                + " FROM simulated_card_reference WHERE reference = $1 FOR UPDATE")
                        .execute(Tuple.of(reference)))
                .chain(rows -> {
                    Reference known = fromRow(rows.iterator().next());
                    T result = change.apply(known);
                    return conn.preparedQuery("UPDATE simulated_card_reference SET hold = $2, payout = $3,"
                                    + " charge_final = $4, answers = $5 WHERE reference = $1")
                            .execute(Tuple.of(reference, name(known.hold), name(known.payout), known.chargeFinal,
                                    answersOf(known)))
                            .replaceWith(result);
                }));
    }

    @Override
    public Uni<Optional<Reference>> read(String reference) {
        return pool.preparedQuery("SELECT hold, payout, charge_final, answers FROM simulated_card_reference"
                        + " WHERE reference = $1")
                .execute(Tuple.of(reference))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(fromRow(rows.iterator().next())));
    }

    private Uni<Void> forgetOldIfDue(SqlConnection conn, long seq) {
        if (seq == 0 || seq % forgetEvery != 0) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("DELETE FROM simulated_card_reference WHERE seq <= $1")
                .execute(Tuple.of(seq - remembered))
                .replaceWithVoid();
    }

    private static Reference fromRow(Row row) {
        Reference known = new Reference();
        String hold = row.getString("hold");
        String payout = row.getString("payout");
        known.hold = hold == null ? null : HoldState.valueOf(hold);
        known.payout = payout == null ? null : PayoutState.valueOf(payout);
        known.chargeFinal = row.getBoolean("charge_final");
        JsonObject answers = row.getJsonObject("answers");
        for (SimulatedCardNetwork.Operation operation : SimulatedCardNetwork.Operation.values()) {
            JsonObject answer = answers.getJsonObject(operation.name());
            if (answer != null) {
                known.answers[operation.ordinal()] = new CardResult(
                        CardResult.Outcome.valueOf(answer.getString("outcome")), answer.getString("reason"));
            }
        }
        return known;
    }

    private static JsonObject answersOf(Reference known) {
        JsonObject answers = new JsonObject();
        for (SimulatedCardNetwork.Operation operation : SimulatedCardNetwork.Operation.values()) {
            CardResult answer = known.answers[operation.ordinal()];
            if (answer != null) {
                answers.put(operation.name(), new JsonObject().put("outcome", answer.outcome().name())
                        .put("reason", answer.reason()));
            }
        }
        return answers;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
