package com.chatpay.onboarding.reliability;

import static com.chatpay.onboarding.testing.OnboardingApi.newUser;
import static com.chatpay.onboarding.testing.OnboardingApi.putProfile;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Clients that give up (time out and close the connection) while their request is inside a database transaction:
 * under overload this is what every client does. Quarkus REST then cancels the request's {@code Uni}; that
 * cancellation must not reach the Hibernate Reactive session, which Panache would close under the feet of the
 * in-flight transaction (the race that loses pooled connections: rolled back, "idle" in PostgreSQL, never back in the
 * pool). See {@code com.chatpay.common.persistence.UncancellableUnitsOfWork}.
 *
 * <p>Deterministic part: the test holds the row lock the profile update takes ({@code SELECT ... FOR UPDATE}), so
 * every pooled connection is inside a transaction, blocked, when the clients hang up, and the other requests wait in
 * the pool's queue. Once the lock goes, the abandoned updates must have been carried through to their commit (torn
 * down, they would be rolled back), and the service must still be able to use every pooled connection at once: a
 * small pool (3) makes a single lost connection visible. The second test hangs up at random moments of an overload.
 */
@QuarkusTest
@TestProfile(AbandonedRequestTests.SmallPool.class)
class AbandonedRequestTests {

    static final int POOL_SIZE = 3;

    /** The reactive pool of this test: small, so a few abandoned requests occupy all of it. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", String.valueOf(POOL_SIZE));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldGiveBackEveryPooledConnectionWhenClientsHangUpMidTransaction() throws Exception {
        String user = newUser();
        putProfile(user).then().statusCode(200);
        List<String> names = List.of("Anna", "Berta", "Clara");
        for (int burst = 1; burst <= names.size(); burst++) {
            String name = names.get(burst - 1);
            try (Connection lock = lockProfile(user)) {
                List<Socket> clients = new ArrayList<>();
                try {
                    // the first requests hold every pooled connection inside a transaction, blocked on the row lock;
                    // the others wait in the pool's queue
                    for (int i = 0; i < POOL_SIZE * 3; i++) {
                        clients.add(sendRawPut(user, profile(name)));
                    }
                    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> blockedOnLock() == POOL_SIZE);
                } finally {
                    for (Socket client : clients) {
                        client.close(); // the client gives up: its HTTP connection goes away mid-request
                    }
                }
                Thread.sleep(300); // the service notices the closed connections
                lock.rollback();
            }
            // the transactions the abandoned requests had begun are finished (committed), not torn down under the
            // feet of the in-flight statements: tearing them down is what loses pooled connections
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(firstName(user))
                    .as("the profile update of requests whose clients hung up mid-transaction").isEqualTo(name));
            assertWholePoolServes(user, "after burst " + burst);
        }
    }

    @Test
    void shouldGiveBackEveryPooledConnectionWhenClientsHangUpAtAnyMoment() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(newUser());
            putProfile(users.get(i)).then().statusCode(200);
        }
        Random random = new Random(42);
        ScheduledExecutorService hangUps = Executors.newScheduledThreadPool(4);
        try {
            for (int burst = 1; burst <= 5; burst++) {
                // an overload: many more requests than pooled connections, each client hanging up after its own
                // short timeout, so cancellations land in every phase (waiting for a connection, BEGIN, queries,
                // flush, COMMIT)
                List<ScheduledFuture<?>> closed = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    Socket client = sendRawPut(users.get(random.nextInt(users.size())), PROFILE);
                    closed.add(hangUps.schedule(() -> {
                        client.close();
                        return null;
                    }, random.nextInt(120), TimeUnit.MILLISECONDS));
                }
                for (ScheduledFuture<?> c : closed) {
                    c.get();
                }
                assertWholePoolServes(users.get(0), "after burst " + burst);
            }
        } finally {
            hangUps.shutdownNow();
        }
    }

    /**
     * Every pooled connection is back: as many requests of one user as the pool has connections get
     * one each at the same time (seen blocked on the user's row lock the test holds), and all of them complete once
     * the lock goes.
     */
    private void assertWholePoolServes(String user, String when) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        try (Connection lock = lockProfile(user)) {
            for (int i = 0; i < POOL_SIZE; i++) {
                responses.add(HTTP.sendAsync(HttpRequest.newBuilder(base.toURI().resolve("v1/me/profile"))
                        .header("Authorization", TestTokens.bearer(user)).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofString(PROFILE)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            try {
                Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .failFast("a request failed " + when, () -> responses.stream().anyMatch(
                                CompletableFuture::isCompletedExceptionally))
                        .until(() -> blockedOnLock() == POOL_SIZE);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(POOL_SIZE + " pooled connections not usable at once " + when
                        + "; the service's PostgreSQL backends: " + serviceBackends(), e);
            }
            lock.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> r = response.get(20, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as("PUT /v1/me/profile %s: %s", when, r.body()).isEqualTo(200);
        }
        // nothing of the service is left inside a transaction
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(serviceBackends("idle in transaction")).as("idle in transaction " + when).isZero());
    }

    /** A JDBC transaction holding the user's profile row lock, the one every profile update takes. */
    private static Connection lockProfile(String user) throws SQLException {
        Connection lock = TestInfrastructure.jdbc();
        lock.setAutoCommit(false);
        try (PreparedStatement s = lock.prepareStatement(
                "SELECT user_id FROM payment_profile WHERE user_id = ? FOR UPDATE")) {
            s.setString(1, user);
            s.executeQuery().close();
        }
        return lock;
    }

    private Socket sendRawPut(String user, String profile) throws Exception {
        Socket socket = new Socket(base.getHost(), base.getPort());
        byte[] body = profile.getBytes(StandardCharsets.UTF_8);
        String head = "PUT /v1/me/profile HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: " + TestTokens.bearer(user) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** The service's backends waiting for a lock on payment_profile. */
    private static int blockedOnLock() throws SQLException {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vertx-pg-client'"
                        + " AND wait_event_type = 'Lock' AND query ILIKE '%payment_profile%'")) {
            ResultSet row = s.executeQuery();
            row.next();
            return row.getInt(1);
        }
    }

    private static List<String> serviceBackends() throws SQLException {
        List<String> backends = new ArrayList<>();
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT state, wait_event_type, query FROM pg_stat_activity WHERE application_name = 'vertx-pg-client'")) {
            ResultSet row = s.executeQuery();
            while (row.next()) {
                backends.add(row.getString(1) + "/" + row.getString(2) + ": " + row.getString(3));
            }
        }
        return backends;
    }

    private static int serviceBackends(String state) throws SQLException {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vertx-pg-client' AND state = ?")) {
            s.setString(1, state);
            ResultSet row = s.executeQuery();
            row.next();
            return row.getInt(1);
        }
    }

    private static String firstName(String user) throws SQLException {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT first_name FROM payment_profile WHERE user_id = ?")) {
            s.setString(1, user);
            ResultSet row = s.executeQuery();
            row.next();
            return row.getString(1);
        }
    }

    private static String profile(String firstName) {
        return """
                {"firstName":"%s","lastName":"Le Gall-Dupré",\
                "address":{"line1":"12 rue de la Paix","postalCode":"75002","city":"Paris","country":"FR"},\
                "phoneNumber":"+33612345678"}""".formatted(firstName);
    }

    private static final String PROFILE = profile("Élodie");
}
