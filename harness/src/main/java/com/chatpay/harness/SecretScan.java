package com.chatpay.harness;

import com.chatpay.common.events.Topics;
import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Looks for secrets a test used (card numbers, PINs, SMS codes) in clear in every service log, every row of the four
 * databases and every record of every topic. A secret counts only standing alone: four PIN digits also occur inside
 * UUIDs, ports and offsets.
 */
public final class SecretScan {

    /**
     * The simulated SMS provider's record of what it "sent" (notification-service, dev SMS outbox): it is the phone,
     * and holds codes by design.
     */
    private static final Set<String> PHONE_SIDE_TABLES = Set.of("notification.sms_message");

    private SecretScan() {
    }

    /** Where each secret was found, e.g. {@code payment-service log}; empty when nothing leaked. */
    public static List<String> findings(LocalStack stack, Collection<String> secrets) {
        return findings(stack, secrets, List.of());
    }

    /**
     * As {@link #findings(LocalStack, Collection)}, plus card verification codes: three digits stand alone in any
     * log (timings, counts, amounts), so a CVC counts only next to its name ({@code cvc}, {@code cvv},
     * {@code securityCode}), as it would leak from a logged request or object.
     */
    public static List<String> findings(LocalStack stack, Collection<String> secrets, Collection<String> cvcs) {
        List<Pattern> patterns = patterns(secrets, cvcs);
        List<String> found = new ArrayList<>();
        for (ChatpayService service : ChatpayService.values()) {
            try {
                scan(Files.readString(stack.logFile(service)), service.moduleName() + " log", patterns, found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scanDatabase(stack, service, patterns, found);
        }
        scanTopics(stack, patterns, found);
        return found;
    }

    /** What {@link #findings} looks for: each secret standing alone, each CVC next to its name. */
    static List<Pattern> patterns(Collection<String> secrets, Collection<String> cvcs) {
        List<Pattern> patterns = new ArrayList<>(secrets.stream()
                .map(s -> Pattern.compile("(?<![-0-9A-Za-z:.])" + Pattern.quote(s) + "(?![-0-9A-Za-z:.])"))
                .toList());
        cvcs.stream().distinct().map(c -> Pattern.compile("(?i)(?:cvc|cvv|securityCode)[^0-9A-Za-z]{0,5}"
                + Pattern.quote(c) + "(?![0-9])")).forEach(patterns::add);
        return patterns;
    }

    private static void scan(String text, String where, List<Pattern> patterns, List<String> found) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                found.add(where + " contains " + p.pattern().replaceAll("\\\\[QE]|\\(\\?<?[!=][^)]*\\)", ""));
            }
        }
    }

    private static void scanDatabase(LocalStack stack, ChatpayService service, List<Pattern> patterns,
            List<String> found) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                stack.databasePassword(service));
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (PHONE_SIDE_TABLES.contains(service.databaseName() + "." + table)) {
                    continue;
                }
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('\n');
                    }
                }
                scan(rows.toString(), service.databaseName() + "." + table, patterns, found);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the " + service.databaseName() + " database", e);
        }
    }

    private static void scanTopics(LocalStack stack, List<Pattern> patterns, List<String> found) {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Topics.Groups.ALL.forEach(g -> topics.add(Topics.deadLetter(g)));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "secret-scan-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            StringBuilder records = new StringBuilder();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 5) {
                var batch = consumer.poll(Duration.ofMillis(500));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : batch) {
                    records.append(record.topic()).append(' ').append(record.value()).append('\n');
                }
            }
            scan(records.toString(), "Kafka topics", patterns, found);
        }
    }
}
