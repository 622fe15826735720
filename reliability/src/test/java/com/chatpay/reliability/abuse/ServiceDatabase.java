package com.chatpay.reliability.abuse;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's own database, read (and, to stand in for the passing of time, updated) over JDBC with that service's
 * role: what the abuse tests check behind the API, e.g. how many payments really exist.
 */
final class ServiceDatabase {

    private final LocalStack stack;
    private final ChatpayService service;

    ServiceDatabase(LocalStack stack, ChatpayService service) {
        this.stack = stack;
        this.service = service;
    }

    /** The rows of a query, each as its column values. */
    List<Object[]> rows(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, parameters);
            try (ResultSet rs = st.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long number(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0)[0]).longValue();
    }

    int update(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, parameters);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), service.databaseName(),
                stack.databasePassword(service));
    }

    private static void bind(PreparedStatement st, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            st.setObject(i + 1, parameters[i]);
        }
    }
}
