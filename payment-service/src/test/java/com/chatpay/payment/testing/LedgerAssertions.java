package com.chatpay.payment.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.money.Money;
import com.chatpay.payment.ledger.Account;
import com.chatpay.payment.ledger.Commission;
import com.chatpay.payment.ledger.CommissionDirection;
import com.chatpay.payment.ledger.CommissionSchedule;
import com.chatpay.payment.ledger.LedgerInvariant;
import com.chatpay.payment.ledger.LedgerInvariant.Line;
import com.chatpay.payment.ledger.LedgerInvariant.PaymentFacts;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.ledger.Side;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads every payment and ledger line of the test database in one snapshot and checks the ledger's invariants. */
public final class LedgerAssertions {

    /** The commission application.properties configures (FR: 10 cents, platform → bank). */
    public static final CommissionSchedule COMMISSIONS = new CommissionSchedule(Map.of("FR",
            new Commission(Money.of(10, "EUR"), CommissionDirection.PLATFORM_PAYS_BANK)));

    private LedgerAssertions() {
    }

    /** The whole ledger balances and agrees with every payment's state. */
    public static void assertLedgerConsistent() {
        assertThat(violations()).isEmpty();
    }

    /** What the invariants find wrong in the whole test ledger now (one consistent snapshot). */
    public static List<String> violations() {
        List<PaymentFacts> payments = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        try (Connection connection = TestInfrastructure.jdbc()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, status, amount_value, currency, payer_country FROM payment");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    payments.add(new PaymentFacts(rows.getObject(1, UUID.class),
                            PaymentStatus.valueOf(rows.getString(2)), Money.of(rows.getLong(3), rows.getString(4)),
                            rows.getString(5)));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT posting_id, payment_id, kind, account, side, amount_value, currency FROM ledger_entry");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Line(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            PostingKind.valueOf(rows.getString(3)), Account.valueOf(rows.getString(4)),
                            Side.valueOf(rows.getString(5)), Money.of(rows.getLong(6), rows.getString(7))));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return LedgerInvariant.violations(payments, lines, COMMISSIONS);
    }

    /**
     * Removes a payment and everything booked for it, as if it had never been: for a test that leaves money where no
     * payment state says it should (what ops reconcile by hand), so the whole-ledger checks of the tests after it
     * still mean something.
     */
    public static void forget(String paymentId) {
        try (Connection connection = TestInfrastructure.jdbc()) {
            connection.setAutoCommit(false);
            for (String table : List.of("ledger_entry", "used_authorization", "payment_refund", "dispute",
                    "payment_reconciliation")) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE payment_id = ?::uuid")) {
                    statement.setString(1, paymentId);
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM payment WHERE id = ?::uuid")) {
                statement.setString(1, paymentId);
                statement.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kinds of the postings booked for a payment, in booking order. */
    public static List<PostingKind> postingsOf(String paymentId) {
        List<PostingKind> kinds = new ArrayList<>();
        try (Connection connection = TestInfrastructure.jdbc();
                PreparedStatement statement = connection.prepareStatement("SELECT kind FROM ledger_entry"
                        + " WHERE payment_id = ?::uuid AND side = 'DEBIT' ORDER BY booked_at, kind")) {
            statement.setString(1, paymentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kinds.add(PostingKind.valueOf(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kinds;
    }
}
