package com.chatpay.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.chatpay.stack.LocalStack;
import com.chatpay.stack.service.ChatpayService;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person using chatpay through the platform: every call goes over HTTP to the public API of DESIGN.md §4. */
final class ChatpayClient {

    static final String VISA = "4111 1111 1111 1111";
    static final String MASTERCARD = "5555555555554444";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    final String userId;
    final String phoneNumber;
    final String pin;
    private final LocalStack stack;
    private final String token;
    /** Every SMS code this person received, so tests can look for them in logs. */
    final java.util.List<String> codes = new java.util.ArrayList<>();

    ChatpayClient(LocalStack stack, String name, String phoneNumber, String pin) {
        this.stack = stack;
        this.userId = name + "-" + UUID.randomUUID();
        this.phoneNumber = phoneNumber;
        this.pin = pin;
        this.token = stack.token(userId, false);
    }

    RequestSpecification at(ChatpayService service) {
        return given().baseUri(stack.serviceUri(service).toString())
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    /** Profile, card, PIN and SMS code: the whole onboarding, checking the announced next step at each stage. */
    void onboard(String firstName, String card) {
        at(ChatpayService.ONBOARDING).get("/v1/me/onboarding").then().statusCode(200);
        at(ChatpayService.ONBOARDING).body(Map.of(
                        "firstName", firstName,
                        "lastName", "Martin",
                        "address", Map.of("line1", "12 rue de la Paix", "postalCode", "75002", "city", "Paris",
                                "country", "FR"),
                        "phoneNumber", phoneNumber))
                .put("/v1/me/profile").then().statusCode(200);
        at(ChatpayService.ONBOARDING).body(Map.of("number", card, "expiryMonth", 12, "expiryYear", 2030, "cvc", "123"))
                .post("/v1/me/cards").then().statusCode(201);
        at(ChatpayService.ONBOARDING).body(Map.of("pin", pin)).put("/v1/me/pin").then().statusCode(200);
        int sentBefore = smsTexts().size();
        at(ChatpayService.ONBOARDING).post("/v1/me/activation/sms").then().statusCode(202);
        String code = awaitSmsCode(sentBefore);
        at(ChatpayService.ONBOARDING).body(Map.of("code", code)).post("/v1/me/activation/verify").then()
                .statusCode(200);
    }

    /** Every SMS text notification-service's dev outbox holds for this person's phone, oldest first. */
    List<String> smsTexts() {
        return given().baseUri(stack.serviceUri(ChatpayService.NOTIFICATION).toString())
                .queryParam("phoneNumber", phoneNumber).get("/dev/sms")
                .then().statusCode(200).extract().jsonPath().getList("text", String.class);
    }

    /** Waits for a code sent after {@code sentBefore} messages and reads it from the dev SMS outbox. */
    String awaitSmsCode(int sentBefore) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> texts = smsTexts();
            if (texts.size() <= sentBefore) {
                return false;
            }
            Matcher m = CODE.matcher(texts.get(texts.size() - 1));
            if (m.find()) {
                found[0] = m.group(1);
                return true;
            }
            return false;
        });
        codes.add(found[0]);
        return found[0];
    }

    /** Confirms a payment with the PIN and submits it, waiting up to 10 s for its outcome. */
    Response pay(ChatpayClient payee, long cents, String message) {
        String authorization = at(ChatpayService.ONBOARDING)
                .body(Map.of("payeeId", payee.userId, "amount", Map.of("value", cents, "currency", "EUR"), "pin", pin))
                .post("/v1/payment-authorizations").then().statusCode(201)
                .extract().path("authorizationToken");
        return at(ChatpayService.PAYMENT)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Prefer", "wait=10")
                .body(Map.of("payeeId", payee.userId, "conversationId", "conv-" + UUID.randomUUID(),
                        "amount", Map.of("value", cents, "currency", "EUR"),
                        "message", message,
                        "authorizationToken", authorization))
                .post("/v1/payments");
    }

    Response payment(String paymentId) {
        return at(ChatpayService.PAYMENT).get("/v1/payments/" + paymentId);
    }

    /** Waits until the payment leaves PENDING and returns its final view. */
    Response awaitOutcome(String paymentId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"PENDING".equals(payment(paymentId).then().statusCode(200).extract().path("status")));
        return payment(paymentId);
    }

    List<String> notificationTexts() {
        return at(ChatpayService.NOTIFICATION).get("/v1/me/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.text", String.class);
    }
}
