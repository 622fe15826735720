package com.chatpay.onboarding.onboarding;

import static com.chatpay.onboarding.testing.OnboardingApi.activeUser;
import static com.chatpay.onboarding.testing.OnboardingApi.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The profile the PIN's path reads in plain SQL holds the facts an authorization needs, as stored, and none of the
 * identity; what it writes back is what a PIN check changes, nothing else; and the row stays locked meanwhile.
 */
@QuarkusTest
class PaymentProfileRowsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    PaymentProfileRows rows;
    @Inject
    Pool pool;

    @Test
    void shouldReadTheFactsAnAuthorizationNeedsAndNoneOfTheIdentity() throws SQLException {
        String alice = activeUser();
        update("UPDATE payment_profile SET pin_failed_attempts = 2 WHERE user_id = ?", alice);

        PaymentProfile read = pool.withTransaction(c -> rows.lock(c, alice)).await().atMost(TIMEOUT);

        assertThat(read.state().status()).isEqualTo(OnboardingStatus.ACTIVE);
        assertThat(read.userId).isEqualTo(alice);
        assertThat(read.country).isEqualTo("FR");
        assertThat(read.admittedCountry).isEqualTo("FR");
        assertThat(read.pinFailedAttempts).isEqualTo(2);
        assertThat(read.lockedAt).isNull();
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT pin_hash, pin_salt, pin_iterations, updated_at FROM payment_profile WHERE user_id = ?")) {
            s.setString(1, alice);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(read.pinHash).isEqualTo(rs.getBytes("pin_hash")).isNotEmpty();
                assertThat(read.pinSalt).isEqualTo(rs.getBytes("pin_salt")).isNotEmpty();
                assertThat(read.pinIterations).isEqualTo(rs.getInt("pin_iterations"));
                assertThat(read.updatedAt).isEqualTo(rs.getTimestamp("updated_at").toInstant());
            }
        }
        assertThat(read.firstName).isNull();
        assertThat(read.lastName).isNull();
        assertThat(read.addressLine1).isNull();
        assertThat(read.phoneNumber).isNull();
    }

    @Test
    void shouldWriteBackOnlyWhatAPinCheckChanges() throws SQLException {
        String alice = activeUser();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        pool.withTransaction(c -> rows.lock(c, alice).call(profile -> {
            profile.pinFailedAttempts = 3;
            profile.apply(profile.state().lock(), at);
            return rows.savePinAttempts(c, profile);
        })).await().atMost(TIMEOUT);

        assertThat(status(alice)).isEqualTo("LOCKED");
        assertThat(count("SELECT count(*) FROM payment_profile WHERE user_id = ? AND pin_failed_attempts = 3"
                + " AND locked_at = updated_at AND first_name = 'Élodie' AND phone_number = '+33612345678'"
                + " AND card_registered AND phone_verified AND pin_hash IS NOT NULL", alice)).isEqualTo(1);
    }

    @Test
    void shouldHoldTheProfileLockedUntilTheTransactionEnds() throws SQLException {
        String alice = activeUser();
        String free = "SELECT count(*) FROM (SELECT 1 FROM payment_profile WHERE user_id = ? FOR UPDATE SKIP LOCKED) f";

        long meanwhile = pool.withTransaction(c -> rows.lock(c, alice).chain(ignored -> Uni.createFrom()
                        .item(() -> countUnchecked(free, alice))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())))
                .await().atMost(TIMEOUT);

        assertThat(meanwhile).isZero();
        assertThat(count(free, alice)).isEqualTo(1);
    }

    private static long countUnchecked(String sql, String userId) {
        try {
            return count(sql, userId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, String userId) throws SQLException {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(String sql, String userId) throws SQLException {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            s.executeUpdate();
        }
    }
}
