package com.chatpay.payment.ledger;

import static com.chatpay.common.persistence.SqlTimes.utc;

import com.chatpay.common.ids.TimeOrderedIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's rows in plain SQL, for the settlement of a payment in progress, which runs without a Hibernate session
 * once per payment: the same rows {@link Ledger} books through {@link LedgerEntry}, and the same rules (a posting's
 * lines share a posting id; a second posting of a kind for a payment violates the table's uniqueness and fails the
 * transaction).
 */
@ApplicationScoped
public class LedgerRows {

    /** Every line of every posting in one statement, however many postings: one array per column. */
    private static final String INSERT = "INSERT INTO ledger_entry (id, posting_id, payment_id, kind, country, account,"
            + " side, amount_value, currency, booked_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[],"
            + " $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::timestamptz[])";

    /** The kinds of posting booked for the payment (empty if none), as the caller's transaction sees them. */
    public Uni<Set<PostingKind>> kinds(SqlClient client, UUID paymentId) {
        return client.preparedQuery("SELECT DISTINCT kind FROM ledger_entry WHERE payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(rows -> {
                    Set<PostingKind> kinds = EnumSet.noneOf(PostingKind.class);
                    for (Row row : rows) {
                        kinds.add(PostingKind.valueOf(row.getString("kind")));
                    }
                    return kinds;
                });
    }

    /** Books the postings in the caller's transaction, in one statement (nothing when there are none). */
    public Uni<Void> insert(SqlConnection connection, List<LedgerPosting> postings) {
        int lines = postings.stream().mapToInt(p -> p.entries().size()).sum();
        if (lines == 0) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = new UUID[lines];
        UUID[] postingIds = new UUID[lines];
        UUID[] paymentIds = new UUID[lines];
        String[] kinds = new String[lines];
        String[] countries = new String[lines];
        String[] accounts = new String[lines];
        String[] sides = new String[lines];
        Long[] amounts = new Long[lines];
        String[] currencies = new String[lines];
        OffsetDateTime[] bookedAt = new OffsetDateTime[lines];
        int i = 0;
        for (LedgerPosting posting : postings) {
            UUID postingId = TimeOrderedIds.next();
            OffsetDateTime at = utc(posting.bookedAt().truncatedTo(ChronoUnit.MICROS));
            for (LedgerPosting.Entry entry : posting.entries()) {
                ids[i] = TimeOrderedIds.next();
                postingIds[i] = postingId;
                paymentIds[i] = posting.paymentId();
                kinds[i] = posting.kind().name();
                countries[i] = posting.country();
                accounts[i] = entry.account().name();
                sides[i] = entry.side().name();
                amounts[i] = entry.amount().value();
                currencies[i] = entry.amount().currency();
                bookedAt[i] = at;
                i++;
            }
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(postingIds).addArrayOfUUID(paymentIds)
                        .addArrayOfString(kinds).addArrayOfString(countries).addArrayOfString(accounts)
                        .addArrayOfString(sides).addArrayOfLong(amounts).addArrayOfString(currencies)
                        .addArrayOfOffsetDateTime(bookedAt))
                .replaceWithVoid();
    }
}
