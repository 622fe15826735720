package com.chatpay.notification.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.chatpay.common.events.OnboardingEvents.CardRegistered;
import com.chatpay.common.events.OnboardingEvents.PaymentsActivated;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.events.Topics;
import com.chatpay.common.money.Money;
import com.chatpay.notification.Events;
import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestKafka;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payment events → in-app notifications → {@code GET /v1/me/notifications}. */
@QuarkusTest
class NotificationFeedTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Money TWENTY_EUROS = Money.of(2000, "EUR");

    @Test
    void shouldTellPayerAndPayeeOfACompletedPaymentInTheirLanguages() throws Exception {
        String alice = activated("Alice", "fr-FR");
        String bob = activated("Bob", "en");
        UUID paymentId = UUID.randomUUID();

        TestKafka.send(Topics.PAYMENTS_EVENTS, alice, Events.json(completed(paymentId, alice, bob), alice));

        List<Map<String, Object>> aliceItems = awaitItems(alice, 1);
        assertThat(aliceItems.get(0)).containsEntry("paymentId", paymentId.toString())
                .containsEntry("kind", "PAYMENT_SENT")
                .containsEntry("text", "Vous avez envoyé 20,00 € à Bob")
                .containsEntry("read", false)
                .containsKeys("id", "createdAt");
        // time-ordered (version 7): each notification appends to the primary key's index
        assertThat(UUID.fromString((String) aliceItems.get(0).get("id")).version()).isEqualTo(7);
        List<Map<String, Object>> bobItems = awaitItems(bob, 1);
        assertThat(bobItems.get(0)).containsEntry("paymentId", paymentId.toString())
                .containsEntry("kind", "PAYMENT_RECEIVED")
                .containsEntry("text", "Alice sent you €20.00 🎉");
    }

    @Test
    void shouldCreateOneNotificationPerUserPaymentAndEvent() throws Exception {
        String payer = activated("Chloé", "fr");
        String payee = activated("Driss", "fr");
        UUID paymentId = UUID.randomUUID();
        String json = Events.json(completed(paymentId, payer, payee), payer);

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, json);                                         // delivered twice
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, json);
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(paymentId, payer, payee), payer)); // new id
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(rejected(marker, payer, payee), payer));

        // same key, same partition: once the marker is in, every event before it has been handled
        await().atMost(WAIT).until(() -> countRows(payer, marker) == 1);
        assertThat(countRows(payer, paymentId)).isEqualTo(1);
        assertThat(countRows(payee, paymentId)).isEqualTo(1);
    }

    @Test
    void shouldTellNobodyOfARequestedPayment() throws Exception {
        String payer = activated("Emma", "fr");
        String payee = activated("Farid", "fr");
        UUID requested = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentRequested(requested, payer, payee, null,
                TWENTY_EUROS, "FR", Instant.now()), payer));
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(rejected(marker, payer, payee), payer));

        await().atMost(WAIT).until(() -> countRows(payer, marker) == 1);
        assertThat(countRows(payer, requested) + countRows(payee, requested)).isZero();
        // skipped without a transaction: nothing recorded for it in the inbox either
        assertThat(processedEvents(Topics.Groups.NOTIFICATION_PAYMENTS, "PaymentRequested")).isZero();
        assertThat(processedEvents(Topics.Groups.NOTIFICATION_PAYMENTS, "PaymentRejected")).isPositive();
    }

    @Test
    void shouldSpendNoTransactionOnTheOnboardingEventsItDoesNotUse() throws Exception {
        String userId = "user-" + UUID.randomUUID();
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, Events.json(new CardRegistered(userId, "tok_" + userId,
                "VISA", "4242", 12, 2031), userId));
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, Events.json(new PaymentsActivated(userId, "FR", "EUR",
                null, "Iris", "fr", Instant.now()), userId));

        // same key, same partition: once the name is known, the card event before it has been read
        await().atMost(WAIT).until(() -> knownName(userId) != null);
        assertThat(processedEvents(Topics.Groups.NOTIFICATION_USERS, "CardRegistered")).isZero();
        assertThat(processedEvents(Topics.Groups.NOTIFICATION_USERS, "PaymentsActivated")).isPositive();
    }

    @Test
    void shouldRejectWithTheReasonInThePayersLanguage() {
        String payer = activated("Gabriel", "fr");
        String payee = activated("Hana", "en");
        UUID paymentId = UUID.randomUUID();

        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(new PaymentRejected(paymentId, payer, payee, null,
                Money.of(30_000, "EUR"), "LIMIT_WINDOW_EXCEEDED", Money.of(10_000, "EUR"), Instant.now()), payer));

        assertThat(awaitItems(payer, 1).get(0)).containsEntry("kind", "PAYMENT_REJECTED").containsEntry("text",
                "Votre paiement de 300,00 € à Hana a été refusé : il dépasse votre plafond d'envoi sur la période "
                        + "(il vous reste 100,00 €).");
    }

    @Test
    void shouldShowEachUserOnlyTheirOwnNotifications() {
        String payer = activated("Inès", "fr");
        String payee = activated("Jules", "fr");
        String stranger = "user-" + UUID.randomUUID();
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(UUID.randomUUID(), payer, payee), payer));
        awaitItems(payer, 1);
        awaitItems(payee, 1);

        given().header("Authorization", TestTokens.bearer(stranger)).get("/v1/me/notifications")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void shouldPaginateNewestFirst() {
        String payer = activated("Karim", "en");
        String payee = "user-" + UUID.randomUUID();
        List<UUID> payments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID paymentId = UUID.randomUUID();
            payments.add(paymentId);
            TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(rejected(paymentId, payer, payee), payer));
            // distinct creation times, so "newest first" is observable
            awaitItems(payer, i + 1);
        }

        JsonPath first = page(payer, 2, null);
        JsonPath second = page(payer, 2, first.getString("nextCursor"));
        JsonPath third = page(payer, 2, second.getString("nextCursor"));

        List<String> seen = new ArrayList<>();
        seen.addAll(first.getList("items.paymentId"));
        seen.addAll(second.getList("items.paymentId"));
        seen.addAll(third.getList("items.paymentId"));
        assertThat(third.getList("items")).hasSize(1);
        assertThat(third.getString("nextCursor")).isNull();
        assertThat(seen).containsExactly(payments.get(4).toString(), payments.get(3).toString(),
                payments.get(2).toString(), payments.get(1).toString(), payments.get(0).toString());
        assertThat(first.getString("items[0].text"))
                .isEqualTo("Your €20.00 payment to your contact was refused: it is over the per-payment limit.");
    }

    @Test
    void shouldKeepWhatItKnowsOfAUserWhenALaterActivationOmitsItAndIgnoreOlderOnes() throws Exception {
        String payer = activated("Léa", "fr");
        String payee = "user-" + UUID.randomUUID();
        Instant later = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        // re-verification without a name but a new locale, then a stale activation delivered late
        TestKafka.send(Topics.ONBOARDING_EVENTS, payer, Events.json(new PaymentsActivated(payer, "FR", "EUR", null,
                null, "en", later), payer));
        TestKafka.send(Topics.ONBOARDING_EVENTS, payer, Events.json(new PaymentsActivated(payer, "FR", "EUR", null,
                "Stale", "fr", later.minusSeconds(3600)), payer));
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.ONBOARDING_EVENTS, payer, Events.json(new PaymentsActivated(payer, "FR", "EUR", null,
                null, null, later.plusSeconds(1)), payer));
        await().atMost(WAIT).until(() -> knownUpdatedAt(payer).equals(later.plusSeconds(1)));

        TestKafka.send(Topics.PAYMENTS_EVENTS, payee, Events.json(completed(marker, payee, payer), payee));

        assertThat(awaitItems(payer, 1).get(0)).containsEntry("text", "A contact sent you €20.00 🎉");
        assertThat(knownName(payer)).isEqualTo("Léa");
    }

    @Test
    void shouldMarkOnlyTheCallersOwnNotificationRead() {
        String payer = activated("Malik", "fr");
        String payee = activated("Nora", "fr");
        TestKafka.send(Topics.PAYMENTS_EVENTS, payer, Events.json(completed(UUID.randomUUID(), payer, payee), payer));
        String id = (String) awaitItems(payer, 1).get(0).get("id");
        awaitItems(payee, 1);

        // someone else's notification, an unknown id and a malformed one do not exist for the caller
        given().header("Authorization", TestTokens.bearer(payee)).put("/v1/me/notifications/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", TestTokens.bearer(payer))
                .put("/v1/me/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(payer)).put("/v1/me/notifications/not-an-id/read")
                .then().statusCode(404);
        assertThat(awaitItems(payer, 1).get(0)).containsEntry("read", false);

        given().header("Authorization", TestTokens.bearer(payer)).put("/v1/me/notifications/" + id + "/read")
                .then().statusCode(200).body("id", equalTo(id)).body("read", equalTo(true));
        given().header("Authorization", TestTokens.bearer(payer)).put("/v1/me/notifications/" + id + "/read")
                .then().statusCode(200).body("read", equalTo(true));
        assertThat(awaitItems(payer, 1).get(0)).containsEntry("read", true);
        assertThat(awaitItems(payee, 1).get(0)).containsEntry("read", false);
        given().put("/v1/me/notifications/" + id + "/read").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnonymousCallers() {
        given().get("/v1/me/notifications")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + TestTokens.expired("someone")).get("/v1/me/notifications")
                .then().statusCode(401);
    }

    @Test
    void shouldRefuseOpsTokens() {
        given().header("Authorization", TestTokens.opsBearer("operator")).get("/v1/me/notifications")
                .then().statusCode(403);
    }

    @Test
    void shouldRefuseABadCursorOrLimit() {
        String user = "user-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(user)).queryParam("cursor", "not-a-cursor")
                .get("/v1/me/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("cursor"));
        for (String limit : List.of("0", "101", "ten")) {
            given().header("Authorization", TestTokens.bearer(user)).queryParam("limit", limit)
                    .get("/v1/me/notifications")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A new user who activated payments, once notification-service has learnt their name. */
    private static String activated(String firstName, String locale) {
        String userId = "user-" + UUID.randomUUID();
        TestKafka.send(Topics.ONBOARDING_EVENTS, userId, Events.json(new PaymentsActivated(userId, "FR", "EUR",
                null, firstName, locale, Instant.now()), userId));
        await().atMost(WAIT).until(() -> knownName(userId) != null);
        return userId;
    }

    private static PaymentCompleted completed(UUID paymentId, String payer, String payee) {
        return new PaymentCompleted(paymentId, payer, payee, "conv-1", TWENTY_EUROS, null, Instant.now());
    }

    private static PaymentRejected rejected(UUID paymentId, String payer, String payee) {
        return new PaymentRejected(paymentId, payer, payee, null, TWENTY_EUROS, "LIMIT_PER_PAYMENT_EXCEEDED", null,
                Instant.now());
    }

    private static List<Map<String, Object>> awaitItems(String userId, int count) {
        await().atMost(WAIT).until(() -> page(userId, 100, null).getList("items").size() >= count);
        List<Map<String, Object>> items = page(userId, 100, null).getList("items");
        assertThat(items).hasSize(count);
        return items;
    }

    private static JsonPath page(String userId, int limit, String cursor) {
        var request = given().header("Authorization", TestTokens.bearer(userId)).queryParam("limit", limit);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get("/v1/me/notifications").then().statusCode(200).extract().jsonPath();
    }

    private static int countRows(String userId, UUID paymentId) throws Exception {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM notification WHERE user_id = ? AND payment_id = ?")) {
            s.setString(1, userId);
            s.setObject(2, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int processedEvents(String consumerGroup, String type) throws Exception {
        try (Connection c = TestInfrastructure.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_type LIKE ?")) {
            s.setString(1, consumerGroup);
            s.setString(2, "%" + type + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Instant knownUpdatedAt(String userId) throws Exception {
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT updated_at FROM known_user WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : Instant.EPOCH;
            }
        }
    }

    private static String knownName(String userId) throws Exception {
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT first_name FROM known_user WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
