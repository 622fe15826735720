package com.chatpay.payment.payment;

import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.testsupport.TestInfrastructure;
import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentQueryTests {

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");

    @Test
    void shouldShowAPaymentToItsPayerPayeeAndOpsOnly() {
        String paymentId = pay(payer, payee, 2000);

        for (String header : List.of(TestTokens.bearer(payer), TestTokens.bearer(payee),
                TestTokens.opsBearer("ops-1"))) {
            given().header("Authorization", header).get("/v1/payments/" + paymentId)
                    .then().statusCode(200).body("paymentId", equalTo(paymentId)).body("amount.value", equalTo(2000));
        }
        given().header("Authorization", TestTokens.bearer(newUser("stranger"))).get("/v1/payments/" + paymentId)
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/" + UUID.randomUUID())
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/payments/not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void shouldRequireAValidToken() {
        String paymentId = pay(payer, payee, 2000);

        given().get("/v1/payments/" + paymentId).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired(payer)).get("/v1/payments/" + paymentId)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.wrongSignature(payer))
                .get("/v1/payments?direction=sent").then().statusCode(401);
    }

    @Test
    void shouldPageTheHistoryNewestFirst() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(pay(payer, payee, 100 + i));
        }
        Collections.reverse(sent);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", TestTokens.bearer(payer))
                    .queryParam("direction", "sent").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/payments").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.paymentId");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactlyElementsOf(sent);
        assertThat(pages).isEqualTo(3);

        JsonPath received = given().header("Authorization", TestTokens.bearer(payee))
                .queryParam("direction", "received").get("/v1/payments").then().statusCode(200)
                .extract().jsonPath();
        assertThat(received.getList("items.paymentId", String.class)).containsExactlyElementsOf(sent);
        assertThat(received.getString("nextCursor")).isNull();

        given().header("Authorization", TestTokens.bearer(payee)).queryParam("direction", "sent")
                .get("/v1/payments").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void shouldPageThroughTwoHundredFiftyPaymentsOnceEachWhileNewOnesArrive() throws Exception {
        List<String> expected = insertSentPayments(payer, payee, 250, Instant.now().minus(Duration.ofHours(1)));
        List<String> arrivedWhilePaging = new ArrayList<>();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", TestTokens.bearer(payer))
                    .queryParam("direction", "sent").queryParam("limit", 40);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/payments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.paymentId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
            if (pages % 2 == 1) {
                arrivedWhilePaging.add(pay(payer, payee, 700 + pages));
            }
        } while (cursor != null && pages < 20);

        assertThat(pages).isEqualTo(7);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(seen).doesNotContainAnyElementsOf(arrivedWhilePaging);

        Collections.reverse(arrivedWhilePaging);
        List<String> firstPageNow = given().header("Authorization", TestTokens.bearer(payer))
                .queryParam("direction", "sent").queryParam("limit", 10).get("/v1/payments")
                .then().statusCode(200).extract().jsonPath().getList("items.paymentId", String.class);
        assertThat(firstPageNow.subList(0, arrivedWhilePaging.size())).containsExactlyElementsOf(arrivedWhilePaging);
        assertThat(firstPageNow.subList(arrivedWhilePaging.size(), 10))
                .containsExactlyElementsOf(expected.subList(0, 10 - arrivedWhilePaging.size()));
    }

    /**
     * Inserts {@code n} PENDING payments from payer to payee, five per creation instant (so pages also cut through
     * payments created at the same time), one second apart, the newest at {@code newest}; answers their ids newest
     * first as the API orders them (creation time, then id, both descending).
     */
    private static List<String> insertSentPayments(String payer, String payee, int n, Instant newest)
            throws SQLException {
        record Row(UUID id, Instant createdAt) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection connection = TestInfrastructure.jdbc();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO payment (id, payer_id, payee_id,"
                        + " conversation_id, amount_value, currency, message, payer_country, status, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, 'EUR', ?, 'FR', 'PENDING', ?, ?)")) {
            for (int i = 0; i < n; i++) {
                Row row = new Row(UUID.randomUUID(), newest.minusSeconds(i / 5).truncatedTo(ChronoUnit.MICROS));
                rows.add(row);
                insert.setObject(1, row.id());
                insert.setString(2, payer);
                insert.setString(3, payee);
                insert.setString(4, "conv-" + payee);
                insert.setLong(5, 100 + i);
                insert.setString(6, "n°" + i);
                insert.setTimestamp(7, Timestamp.from(row.createdAt()));
                insert.setTimestamp(8, Timestamp.from(row.createdAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // PostgreSQL orders uuids by their bytes, which is the order of their lower-case hex text
        return rows.stream()
                .sorted(Comparator.comparing(Row::createdAt).thenComparing(r -> r.id().toString()).reversed())
                .map(r -> r.id().toString())
                .toList();
    }

    @Test
    void shouldRefuseBadListParameters() {
        given().header("Authorization", TestTokens.bearer(payer)).queryParam("direction", "sideways")
                .get("/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("direction"));
        given().header("Authorization", TestTokens.bearer(payer)).queryParam("limit", 1000)
                .get("/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", TestTokens.bearer(payer)).queryParam("cursor", "garbage")
                .get("/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldListPaymentsForOpsByStatusNewestFirst() {
        String older = pay(payer, payee, 301);
        String newer = pay(payer, payee, 302);
        String ops = TestTokens.opsBearer("ops-1");

        JsonPath first = given().header("Authorization", ops).queryParam("status", "PENDING").queryParam("limit", 1)
                .get("/v1/ops/payments").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.paymentId")).containsExactly(newer);
        JsonPath second = given().header("Authorization", ops).queryParam("status", "PENDING")
                .queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/ops/payments").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.paymentId")).containsExactly(older);
        assertThat(given().header("Authorization", ops).queryParam("status", "COMPLETED").queryParam("limit", 100)
                .get("/v1/ops/payments").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.status")).doesNotContain("PENDING");

        given().header("Authorization", ops).queryParam("status", "LOST").get("/v1/ops/payments")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().header("Authorization", TestTokens.bearer(payer)).get("/v1/ops/payments").then().statusCode(403);
    }
}
