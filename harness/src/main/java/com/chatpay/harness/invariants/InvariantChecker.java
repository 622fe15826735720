package com.chatpay.harness.invariants;

import com.chatpay.common.events.Topics;
import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks, after any scenario, that the four services agree and that no money rule was broken — reading their state
 * through the ops API (the ledger audit) and, like an auditor with read access, their databases:
 * <ul>
 *   <li>every payment is terminal or waiting for its payee by design; every payment a client was told was accepted
 *       exists; each payment used exactly one authorization (no payment doubled);</li>
 *   <li>the ledger balances and agrees with every payment (payment-service's audit: captured = paid out + refunded
 *       + reversed, one commission per completed payment);</li>
 *   <li>limits' reservations match payments one to one, in amount, payer and state, and at no moment of the history
 *       did a payer's used + reserved amount within the window exceed the policy;</li>
 *   <li>each outcome produced its notifications once, and no notification for a state the payment never reached;
 *       no SMS sent twice; every conversation bubble posted reached the platform's webhook, duplicates only as
 *       re-deliveries of the same delivery id;</li>
 *   <li>nothing is left unpublished in any outbox, and no event went to a dead-letter topic.</li>
 * </ul>
 */
public final class InvariantChecker {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REJECTED", "FAILED", "EXPIRED", "CANCELLED",
            "DECLINED", "REFUNDED");

    /** The notification kinds each payment state must have produced (user: payer or payee). */
    private static final Map<String, List<String>> NOTIFICATIONS = Map.of(
            "COMPLETED", List.of("payer:PAYMENT_SENT", "payee:PAYMENT_RECEIVED"),
            "REJECTED", List.of("payer:PAYMENT_REJECTED"),
            "FAILED", List.of("payer:PAYMENT_FAILED"),
            "AWAITING_PAYEE", List.of("payer:PAYMENT_AWAITING_PAYEE", "payee:MONEY_WAITING"),
            "EXPIRED", List.of("payer:PAYMENT_AWAITING_PAYEE", "payee:MONEY_WAITING", "payer:PAYMENT_EXPIRED",
                    "payee:PAYMENT_EXPIRED"),
            "REFUNDED", List.of("payer:PAYMENT_SENT", "payee:PAYMENT_RECEIVED", "payer:PAYMENT_REFUNDED",
                    "payee:PAYMENT_REFUNDED"),
            "CANCELLED", List.of("payer:PAYMENT_AWAITING_PAYEE", "payee:MONEY_WAITING", "payer:PAYMENT_CANCELLED",
                    "payee:PAYMENT_CANCELLED"),
            "DECLINED", List.of("payer:PAYMENT_AWAITING_PAYEE", "payee:MONEY_WAITING", "payer:PAYMENT_DECLINED",
                    "payee:PAYMENT_DECLINED"));

    /** Reservation states a payment's state allows. */
    private static final Map<String, Set<String>> RESERVATION_FOR = Map.of(
            "AWAITING_PAYEE", Set.of("RESERVED"),
            "COMPLETED", Set.of("CONSUMED"),
            "REFUNDED", Set.of("REFUNDED", "CONSUMED"),
            "REJECTED", Set.of("REJECTED", "RELEASED"),
            "FAILED", Set.of("RELEASED"),
            "EXPIRED", Set.of("RELEASED"),
            "CANCELLED", Set.of("RELEASED"),
            "DECLINED", Set.of("RELEASED"));

    private final LocalStack stack;
    private final ChatpayApi api;
    private final WebhookReceiver webhook;

    /** {@code webhook} may be null when the stack posts no bubbles. */
    public InvariantChecker(ChatpayApi api, WebhookReceiver webhook) {
        this.stack = api.stack();
        this.api = api;
        this.webhook = webhook;
    }

    /** What the checker found. */
    public record Report(boolean converged, Duration timeToConverge, Map<String, Long> paymentsByStatus,
            List<String> violations) {

        public long payments() {
            return paymentsByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Waits (up to {@code timeout}) until the suite has settled — no payment PENDING, every outbox drained, every
     * decision and notification made, every bubble delivered — then checks every invariant. {@code accepted}: the
     * ids of the payments clients were told were accepted.
     */
    public Report awaitAndCheck(Collection<String> accepted, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> pending;
        long lastSaid = start;
        while (true) {
            pending = unsettled();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            if (System.nanoTime() - lastSaid > 10_000_000_000L) {
                // what a slow convergence waits for, for whoever reads the test output
                System.out.printf("settling for %d s: %s%n", (System.nanoTime() - start) / 1_000_000_000L,
                        String.join("; ", pending));
                lastSaid = System.nanoTime();
            }
            sleep(500);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        State state = read();
        List<String> violations = new ArrayList<>();
        if (!pending.isEmpty()) {
            violations.add("not settled after " + timeout.toSeconds() + " s: " + String.join("; ", pending));
        }
        violations.addAll(check(state, accepted));
        Map<String, Long> byStatus = new TreeMap<>();
        state.payments.values().forEach(p -> byStatus.merge(p.status, 1L, Long::sum));
        return new Report(pending.isEmpty(), took, byStatus, violations);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private record Payment(String id, String payer, String payee, long amount, String status, String country) {
    }

    private record Reservation(String paymentId, String userId, long amount, String status, Instant decidedAt,
            Instant consumedAt, Instant releasedAt) {
    }

    private record Policy(long perPaymentMax, long windowMax, Duration window) {
    }

    private static final class State {
        final Map<String, Payment> payments = new HashMap<>();
        final Map<String, Integer> authorizationsPerPayment = new HashMap<>();
        final Map<String, Reservation> reservations = new HashMap<>();
        final Map<String, Policy> policies = new HashMap<>();
        final Map<String, String> userCountry = new HashMap<>();
        final Map<String, Set<String>> notifications = new HashMap<>();
        final Map<String, Integer> webhookDeliveries = new HashMap<>();
        final Set<String> sentBubbleKeys = new HashSet<>();
        long duplicateSms;
    }

    private State read() {
        State s = new State();
        query(ChatpayService.PAYMENT, "SELECT id, payer_id, payee_id, amount_value, status, payer_country FROM payment",
                r -> s.payments.put(r.getString(1), new Payment(r.getString(1), r.getString(2), r.getString(3),
                        r.getLong(4), r.getString(5), r.getString(6))));
        query(ChatpayService.PAYMENT, "SELECT payment_id, count(*) FROM used_authorization GROUP BY payment_id",
                r -> s.authorizationsPerPayment.put(r.getString(1), r.getInt(2)));
        query(ChatpayService.LIMITS, "SELECT payment_id, user_id, amount, status, decided_at, consumed_at, released_at"
                + " FROM reservation", r -> s.reservations.put(r.getString(1), new Reservation(r.getString(1),
                r.getString(2), r.getLong(3), r.getString(4), instant(r.getTimestamp(5)), instant(r.getTimestamp(6)),
                instant(r.getTimestamp(7)))));
        query(ChatpayService.LIMITS, "SELECT country, per_payment_max, window_max, window_kind FROM limit_policy",
                r -> s.policies.put(r.getString(1).trim(), new Policy(r.getLong(2), r.getLong(3),
                        r.getString(4).startsWith("P") ? Duration.parse(r.getString(4).replace("P", "PT")
                                .replace("D", "H")).multipliedBy(24) : Duration.ofDays(31))));
        query(ChatpayService.LIMITS, "SELECT user_id, country FROM user_limit",
                r -> s.userCountry.put(r.getString(1), r.getString(2) == null ? null : r.getString(2).trim()));
        query(ChatpayService.NOTIFICATION, "SELECT payment_id, user_id, kind FROM notification",
                r -> s.notifications.computeIfAbsent(r.getString(1), k -> new HashSet<>())
                        .add(r.getString(2) + ":" + r.getString(3)));
        query(ChatpayService.NOTIFICATION, "SELECT payment_id, count(*) FROM delivery WHERE channel = 'WEBHOOK'"
                + " GROUP BY payment_id", r -> s.webhookDeliveries.put(r.getString(1), r.getInt(2)));
        query(ChatpayService.NOTIFICATION, "SELECT dedup_key FROM delivery WHERE channel = 'WEBHOOK' AND status = 'SENT'",
                r -> s.sentBubbleKeys.add(r.getString(1)));
        query(ChatpayService.NOTIFICATION, "SELECT count(*) FROM (SELECT phone_number, text FROM sms_message"
                + " GROUP BY phone_number, text HAVING count(*) > 1) d", r -> s.duplicateSms = r.getLong(1));
        return s;
    }

    /** What has not settled yet; empty when the suite is quiet. */
    private List<String> unsettled() {
        List<String> pending = new ArrayList<>();
        try {
            long[] count = new long[1];
            query(ChatpayService.PAYMENT, "SELECT count(*) FROM payment WHERE status = 'PENDING'",
                    r -> count[0] = r.getLong(1));
            if (count[0] > 0) {
                pending.add(count[0] + " payments PENDING");
            }
            for (ChatpayService service : ChatpayService.values()) {
                query(service, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL",
                        r -> count[0] = r.getLong(1));
                if (count[0] > 0) {
                    pending.add(count[0] + " events unpublished in " + service.moduleName());
                }
            }
            query(ChatpayService.NOTIFICATION, "SELECT count(*) FROM delivery WHERE status = 'PENDING'",
                    r -> count[0] = r.getLong(1));
            if (count[0] > 0) {
                pending.add(count[0] + " deliveries PENDING");
            }
            State s = read();
            long undecided = s.payments.values().stream().filter(p -> !s.reservations.containsKey(p.id)).count();
            if (undecided > 0) {
                pending.add(undecided + " payments without a limits decision");
            }
            long unnotified = s.payments.values().stream().filter(p -> !missingNotifications(s, p).isEmpty()).count();
            if (unnotified > 0) {
                pending.add(unnotified + " payments not notified yet");
            }
            long reservationsBehind = s.payments.values().stream().filter(p -> reservationMismatch(s, p) != null)
                    .count();
            if (reservationsBehind > 0) {
                pending.add(reservationsBehind + " reservations not following their payment yet");
            }
        } catch (IllegalStateException unreachable) {
            pending.add("a database is unreachable: " + unreachable.getMessage());
        }
        return pending;
    }

    // ---- checking ---------------------------------------------------------------------------------------------

    private List<String> check(State s, Collection<String> accepted) {
        List<String> v = new ArrayList<>();
        for (String id : accepted) {
            if (!s.payments.containsKey(id)) {
                v.add(id + ": accepted by chatpay but no such payment");
            }
        }
        for (Payment p : s.payments.values()) {
            if (!TERMINAL.contains(p.status) && !"AWAITING_PAYEE".equals(p.status)) {
                v.add(p.id + ": still " + p.status);
            }
            int authorizations = s.authorizationsPerPayment.getOrDefault(p.id, 0);
            if (authorizations != 1) {
                v.add(p.id + ": used " + authorizations + " authorizations, expected 1");
            }
            String mismatch = reservationMismatch(s, p);
            if (mismatch != null) {
                v.add(mismatch);
            }
            missingNotifications(s, p).forEach(n -> v.add(p.id + " (" + p.status + "): no " + n + " notification"));
            Set<String> allowed = allowedNotifications(p);
            for (String n : s.notifications.getOrDefault(p.id, Set.of())) {
                if (!allowed.contains(n)) {
                    v.add(p.id + " (" + p.status + "): unexpected notification " + n);
                }
            }
        }
        for (String paymentId : s.reservations.keySet()) {
            if (!s.payments.containsKey(paymentId)) {
                v.add(paymentId + ": a reservation without a payment");
            }
        }
        v.addAll(limitHistory(s));
        if (s.duplicateSms > 0) {
            v.add(s.duplicateSms + " SMS texts sent twice to the same phone");
        }
        v.addAll(ledgerAudit());
        v.addAll(deadLetters());
        if (webhook != null) {
            for (String key : s.sentBubbleKeys) {
                if (!webhook.received(key)) {
                    v.add("bubble " + key + " marked SENT but never reached the webhook");
                }
            }
            webhook.conflictingDuplicates().forEach(d -> v.add("bubble " + d + " delivered twice with different ids"));
        }
        return v;
    }

    private static Set<String> expectedNotifications(Payment p) {
        Set<String> expected = new HashSet<>();
        for (String n : NOTIFICATIONS.getOrDefault(p.status, List.of())) {
            String[] parts = n.split(":");
            expected.add(("payer".equals(parts[0]) ? p.payer : p.payee) + ":" + parts[1]);
        }
        return expected;
    }

    /** The required ones, and those of a wait for the payee a completed, refunded or failed payment may have had. */
    private static Set<String> allowedNotifications(Payment p) {
        Set<String> allowed = expectedNotifications(p);
        if ("COMPLETED".equals(p.status) || "REFUNDED".equals(p.status) || "FAILED".equals(p.status)) {
            allowed.add(p.payer + ":PAYMENT_AWAITING_PAYEE");
            allowed.add(p.payee + ":MONEY_WAITING");
        }
        return allowed;
    }

    private static List<String> missingNotifications(State s, Payment p) {
        Set<String> have = s.notifications.getOrDefault(p.id, Set.of());
        return expectedNotifications(p).stream().filter(n -> !have.contains(n)).sorted().toList();
    }

    private static String reservationMismatch(State s, Payment p) {
        Reservation r = s.reservations.get(p.id);
        if (r == null) {
            return "PENDING".equals(p.status) ? null : p.id + ": no limits reservation";
        }
        if (!r.userId.equals(p.payer) || r.amount != p.amount) {
            return p.id + ": reservation of " + r.amount + " for " + r.userId + " but payment of " + p.amount
                    + " by " + p.payer;
        }
        Set<String> allowed = RESERVATION_FOR.get(p.status);
        if (allowed != null && !allowed.contains(r.status)) {
            return p.id + ": payment " + p.status + " but reservation " + r.status;
        }
        return null;
    }

    /**
     * Replays each payer's reservations in decision order: at every reservation granted, the amounts counting at
     * that instant (granted, not released or refunded before it, consumed within the window) must fit the policy.
     */
    private static List<String> limitHistory(State s) {
        List<String> v = new ArrayList<>();
        Map<String, List<Reservation>> byUser = new HashMap<>();
        s.reservations.values().forEach(r -> byUser.computeIfAbsent(r.userId, k -> new ArrayList<>()).add(r));
        for (var entry : byUser.entrySet()) {
            String country = s.userCountry.get(entry.getKey());
            Policy policy = country == null ? null : s.policies.get(country);
            if (policy == null) {
                policy = s.policies.get("FR");
            }
            List<Reservation> rows = entry.getValue().stream().filter(r -> !"REJECTED".equals(r.status))
                    .sorted(java.util.Comparator.comparing(Reservation::decidedAt)).toList();
            for (Reservation granted : rows) {
                if (granted.amount > policy.perPaymentMax) {
                    v.add(granted.paymentId + ": reserved " + granted.amount + " over the per-payment maximum "
                            + policy.perPaymentMax);
                }
                Instant t = granted.decidedAt;
                long counting = 0;
                for (Reservation r : rows) {
                    boolean decided = !r.decidedAt.isAfter(t);
                    boolean released = r.releasedAt != null && !r.releasedAt.isAfter(t);
                    boolean aged = r.consumedAt != null && r.consumedAt.plus(policy.window).isBefore(t);
                    if (decided && !released && !aged) {
                        counting += r.amount;
                    }
                }
                if (counting > policy.windowMax) {
                    v.add(entry.getKey() + ": " + counting + " used + reserved at " + t + ", over the window maximum "
                            + policy.windowMax);
                }
            }
        }
        return v;
    }

    private List<String> ledgerAudit() {
        ChatpayApi.Reply reply = api.get(ChatpayService.PAYMENT, "/v1/ops/ledger/audit").asOps()
                .timeout(Duration.ofSeconds(60)).send();
        if (reply.status() != 200) {
            return List.of("ledger audit answered " + reply.status());
        }
        List<String> v = new ArrayList<>();
        for (JsonNode violation : reply.json().path("violations")) {
            v.add("ledger: " + violation.asText());
        }
        long unlisted = reply.json().path("violationCount").asLong(v.size()) - v.size();
        if (unlisted > 0) {
            v.add("ledger: " + unlisted + " more violation(s) the audit counted and did not list");
        }
        return v;
    }

    private List<String> deadLetters() {
        List<String> v = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "invariants-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            for (String group : Topics.Groups.ALL) {
                String topic = Topics.deadLetter(group);
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
                long records = partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
                if (records > 0) {
                    v.add(records + " events dead-lettered in " + topic);
                }
            }
        }
        return v;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private void query(ChatpayService service, String sql, Row row) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                stack.databasePassword(service));
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.databaseName() + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
