package com.chatpay.onboarding.card;

import static com.chatpay.onboarding.testing.OnboardingApi.DECLINED_AT_VERIFICATION;
import static com.chatpay.onboarding.testing.OnboardingApi.MASTERCARD;
import static com.chatpay.onboarding.testing.OnboardingApi.VISA;
import static com.chatpay.onboarding.testing.OnboardingApi.addCard;
import static com.chatpay.onboarding.testing.OnboardingApi.as;
import static com.chatpay.onboarding.testing.OnboardingApi.newUser;
import static com.chatpay.onboarding.testing.OnboardingApi.putProfile;
import static com.chatpay.onboarding.testing.OnboardingApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.chatpay.common.events.EventCodec;
import com.chatpay.common.events.OnboardingEvents.CardRemoved;
import com.chatpay.onboarding.testing.OnboardingApi;
import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardTests {

    private static final String PAN = "4111111111111111";

    @ConfigProperty(name = "chatpay.card-vault.keys")
    String vaultKeys;

    @ConfigProperty(name = "chatpay.card-vault.active-key-id")
    String activeKeyId;

    private static List<Map<String, Object>> cardRows(String userId) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = TestInfrastructure.jdbc();
                PreparedStatement s = c.prepareStatement("SELECT * FROM card WHERE user_id = ? ORDER BY created_at")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void shouldKeepThePanOnlyEncryptedInTheDatabase() throws Exception {
        String user = newUser();
        putProfile(user).then().statusCode(200);
        String cardId = addCard(user, VISA).then().statusCode(201).extract().path("cardId");

        List<Map<String, Object>> rows = cardRows(user);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        for (Map.Entry<String, Object> column : row.entrySet()) {
            Object value = column.getValue();
            String text = value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(bytes)
                    : String.valueOf(value);
            assertThat(text).as(column.getKey()).doesNotContain(PAN).doesNotContain(PAN.substring(0, 12))
                    .doesNotContain(PAN.substring(4));
        }
        assertThat(row.get("id").toString()).isEqualTo(cardId);
        assertThat(row.get("last4")).isEqualTo("1111");
        assertThat(row.get("pan_key_id")).isEqualTo(activeKeyId);
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        // the ciphertext is the PAN under the active vault key, bound to its owner
        CardVault vault = CardVault.fromConfig(vaultKeys, activeKeyId);
        assertThat(vault.decrypt(new CardVault.Sealed((String) row.get("pan_key_id"),
                (byte[]) row.get("pan_ciphertext")), user)).isEqualTo(PAN);
    }

    @Test
    void shouldAnswerFieldErrorsWithoutEchoingTheNumber() {
        String user = newUser();
        putProfile(user).then().statusCode(200);
        String body = as(user).body(Map.of("number", "4111 1111 1111 1112", "expiryMonth", 13, "expiryYear", 2031,
                        "cvc", "12"))
                .post("/v1/me/cards").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("number", "expiryMonth", "cvc")).extract().asString();
        assertThat(body).doesNotContain("4111").doesNotContain("1112");
        as(user).body(Map.of("number", 4111111111111111L, "expiryMonth", 12, "expiryYear", 2031, "cvc", "123"))
                .post("/v1/me/cards").then().statusCode(400);
        assertThat(status(user)).isEqualTo("CARD_REQUIRED");
    }

    @Test
    void shouldRefuseACardTheNetworkDeclines() {
        String user = newUser();
        putProfile(user).then().statusCode(200);
        addCard(user, DECLINED_AT_VERIFICATION).then().statusCode(422).body("code", equalTo("CARD_DECLINED"));
        assertThat(status(user)).isEqualTo("CARD_REQUIRED");
        as(user).get("/v1/me/cards").then().statusCode(200).body("items", empty());
    }

    @Test
    void shouldKeepOneActiveCardReplacingTheOldOne() throws Exception {
        String user = newUser();
        putProfile(user).then().statusCode(200);
        String first = addCard(user, VISA).then().statusCode(201).extract().path("cardId");
        String again = addCard(user, VISA).then().statusCode(201).extract().path("cardId");
        assertThat(again).as("the same card keeps its vault entry").isEqualTo(first);
        addCard(user, MASTERCARD).then().statusCode(201).body("brand", equalTo("MASTERCARD"))
                .body("last4", equalTo("4444"));
        as(user).get("/v1/me/cards").then().statusCode(200).body("items.last4", contains("4444"))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        assertThat(cardRows(user)).extracting(r -> r.get("status")).containsExactly("REPLACED", "ACTIVE");
        assertThat(OnboardingApi.onboardingEvents(user, "CardRemoved", 1)).hasSize(1);
    }

    @Test
    void shouldRemoveOnlyTheUsersOwnCard() {
        String alice = newUser();
        String bob = newUser();
        putProfile(alice).then().statusCode(200);
        putProfile(bob).then().statusCode(200);
        String cardId = addCard(alice, VISA).then().statusCode(201).extract().path("cardId");

        as(bob).delete("/v1/me/cards/" + cardId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(bob).get("/v1/me/cards").then().body("items", empty());
        as(alice).get("/v1/me/cards").then().body("items.cardId", contains(cardId));

        as(alice).delete("/v1/me/cards/" + cardId).then().statusCode(204);
        as(alice).get("/v1/me/cards").then().body("items", empty());
        assertThat(status(alice)).isEqualTo("CARD_REQUIRED");
        CardRemoved removed = EventCodec.payload(OnboardingApi.onboardingEvents(alice, "CardRemoved", 1).get(0),
                CardRemoved.class);
        assertThat(removed.cardToken()).startsWith("tok_sim_ok_");
        as(alice).delete("/v1/me/cards/" + cardId).then().statusCode(404);
    }
}
