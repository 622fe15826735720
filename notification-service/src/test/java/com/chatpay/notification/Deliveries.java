package com.chatpay.notification;

import com.chatpay.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads {@code delivery} rows straight from the test database. */
public final class Deliveries {

    private Deliveries() {
    }

    /** A delivery row as tests check it. */
    public record Row(UUID id, String channel, String dedupKey, String userId, String payload, String status,
            int attempts, String lastError) {
    }

    public static List<Row> ofPayment(UUID paymentId, String channel) {
        return query("SELECT id, channel, dedup_key, user_id, payload, status, attempts, last_error FROM delivery "
                + "WHERE payment_id = ? AND channel = ? ORDER BY created_at, id", paymentId, channel);
    }

    public static List<Row> byKey(String dedupKey) {
        return query("SELECT id, channel, dedup_key, user_id, payload, status, attempts, last_error FROM delivery "
                + "WHERE dedup_key = ?", dedupKey);
    }

    public static List<Row> ofUser(String userId, String channel) {
        return query("SELECT id, channel, dedup_key, user_id, payload, status, attempts, last_error FROM delivery "
                + "WHERE user_id = ? AND channel = ? ORDER BY created_at, id", userId, channel);
    }

    /** The texts the push simulator delivered to {@code token}, oldest first. */
    public static List<String> pushesTo(String token) {
        List<String> texts = new ArrayList<>();
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT text FROM push_message WHERE token = ? ORDER BY sent_at, id")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    private static List<Row> query(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
