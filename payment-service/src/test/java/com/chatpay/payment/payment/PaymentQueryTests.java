package com.chatpay.payment.payment;

import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static com.chatpay.payment.testing.PaymentFixtures.pay;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
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
