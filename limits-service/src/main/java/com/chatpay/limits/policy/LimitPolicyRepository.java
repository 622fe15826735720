package com.chatpay.limits.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The policies: entities for the ops API that changes them (with its audit), a plain SQL read for the decisions and
 * the headroom, which run without a Hibernate session.
 */
@ApplicationScoped
public class LimitPolicyRepository implements PanacheRepositoryBase<LimitPolicyEntity, String> {

    /** {@code country}'s policy, read through {@code client}: a pool, or the connection of a decision's transaction. */
    public Uni<Optional<Policy>> policyOf(SqlClient client, String country) {
        return client.preparedQuery("SELECT country, currency, per_payment_max, window_max, window_kind, time_zone,"
                        + " max_payments_per_window, refund_restores_headroom FROM limit_policy WHERE country = $1")
                .execute(Tuple.of(country))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(policy(rows.iterator().next())));
    }

    private static Policy policy(Row row) {
        return new Policy(row.getString("country"), row.getString("currency"), row.getLong("per_payment_max"),
                row.getLong("window_max"), LimitWindow.parse(row.getString("window_kind"), row.getString("time_zone")),
                row.getInteger("max_payments_per_window"), row.getBoolean("refund_restores_headroom"));
    }
}
