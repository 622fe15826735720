package com.chatpay.reliability.auth;

import com.chatpay.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.load.Population;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.reliability.input.PublicEndpoints;
import com.chatpay.reliability.input.PublicEndpoints.Access;
import com.chatpay.reliability.input.PublicEndpoints.Endpoint;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DESIGN.md §7 "JWT from the gateway verified on every request" and §4 "a user only ever sees their own data", on
 * the real stack: every protected endpoint refuses a missing, expired, foreign-issuer, foreign-audience, wrongly
 * signed or unsigned token with 401; a {@code user} token on an ops endpoint gets 403; and a user never reads or
 * acts on another user's payment, card, limits or notifications, getting the very same 404 as for something that
 * does not exist (so that existence does not leak).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AMOUNT = 1_500;

    private ChatpayApi api;
    private GatewayTokens tokens;
    private Person owner;
    private Person payee;
    private Person stranger;
    private String paymentId;
    private String authorizationOfOwner;
    private List<Endpoint> endpoints;

    @BeforeAll
    void arrange() {
        api = ReliabilityStack.api();
        tokens = new GatewayTokens(ReliabilityStack.get());
        List<Person> people = Population.onboard(api, 3, 3,
                i -> Person.create(List.of("Ownera", "Payeeb", "Strangerc").get(i)));
        owner = people.get(0);
        payee = people.get(1);
        stranger = people.get(2);
        Reply paid = api.payAsync(owner, payee.userId(), AMOUNT, api.authorize(owner, payee, AMOUNT),
                UUID.randomUUID().toString(), 10).join().expect(200, 202);
        paymentId = paid.field("paymentId");
        authorizationOfOwner = api.authorize(owner, payee, AMOUNT);
        endpoints = PublicEndpoints.all(new PublicEndpoints.Targets(owner.userId(), owner.firstName(),
                owner.phoneNumber(), owner.pin(), payee.userId(), paymentId, AMOUNT, () -> "unused-authorization"));
    }

    @Test
    void shouldRefuseEveryBadGatewayTokenOnEveryProtectedEndpointWith401() {
        List<GatewayTokens.Bad> kinds = List.of(GatewayTokens.Bad.EXPIRED, GatewayTokens.Bad.WRONG_ISSUER,
                GatewayTokens.Bad.WRONG_AUDIENCE, GatewayTokens.Bad.WRONG_SIGNATURE, GatewayTokens.Bad.ALG_NONE,
                GatewayTokens.Bad.TAMPERED_PAYLOAD);
        List<String> wrong = new ArrayList<>();
        List<CompletableFuture<String>> checks = new ArrayList<>();
        int attempts = 0;
        for (Endpoint e : protectedEndpoints()) {
            boolean ops = e.access() == Access.OPS;
            String actor = ops ? "ops-matrix" : e.actorId();
            checks.add(check(e, null, "no token"));
            attempts++;
            for (GatewayTokens.Bad kind : kinds) {
                checks.add(check(e, tokens.bad(kind, actor, ops), kind.name()));
                attempts++;
            }
        }
        for (CompletableFuture<String> c : checks) {
            String failure = c.join();
            if (failure != null) {
                wrong.add(failure);
            }
        }
        System.out.printf("auth matrix bad tokens: endpoints=%d attempts=%d refused-401=%d wrong=%d%n",
                protectedEndpoints().size(), attempts, attempts - wrong.size(), wrong.size());
        ReliabilityReport.add(ReliabilityReport.Row.input("auth matrix: bad tokens on every endpoint → 401", attempts,
                wrong.size()));
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldRefuseAUserTokenOnEveryOpsEndpointWith403() {
        List<String> wrong = new ArrayList<>();
        List<Endpoint> ops = endpoints.stream().filter(e -> e.access() == Access.OPS).toList();
        for (Endpoint e : ops) {
            Reply reply = request(e, api.token(owner.userId())).join();
            if (reply.status() != 403 || !isProblem(reply, "FORBIDDEN")) {
                wrong.add(e.name() + ": HTTP " + reply.status() + " " + reply.text());
            }
        }
        System.out.printf("auth matrix user-on-ops: endpoints=%d refused-403=%d wrong=%d%n", ops.size(),
                ops.size() - wrong.size(), wrong.size());
        ReliabilityReport.add(ReliabilityReport.Row.input("auth matrix: user token on ops endpoints → 403", ops.size(),
                wrong.size()));
        assertThat(ops).hasSizeGreaterThanOrEqualTo(15);
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldAnswerAnotherUsersPaymentExactlyLikeAMissingOne() {
        String missing = UUID.randomUUID().toString();
        Map<String, Object> reason = Map.of("reason", "let me in");
        List<String[]> actions = List.of(
                new String[] {"GET", "/v1/payments/%s", null},
                new String[] {"POST", "/v1/payments/%s/cancel", null},
                new String[] {"POST", "/v1/payments/%s/decline", null},
                new String[] {"POST", "/v1/payments/%s/refund", "reason"},
                new String[] {"POST", "/v1/payments/%s/dispute", "reason"});
        for (String[] action : actions) {
            Reply theirs = asStranger(ChatpayService.PAYMENT, action[0], action[1].formatted(paymentId),
                    action[2] == null ? null : reason);
            Reply none = asStranger(ChatpayService.PAYMENT, action[0], action[1].formatted(missing),
                    action[2] == null ? null : reason);
            assertThat(theirs.status()).as(action[1] + " on another user's payment").isEqualTo(404);
            assertThat(sameProblem(theirs, none)).as(action[1] + ": " + theirs.text() + " vs " + none.text())
                    .isTrue();
        }
        for (String direction : List.of("sent", "received")) {
            Reply history = api.get(ChatpayService.PAYMENT, "/v1/payments?direction=" + direction)
                    .as(stranger.userId()).send().expect(200);
            assertThat(history.text()).doesNotContain(paymentId);
        }
        // still untouched for its owner
        assertThat(api.payment(owner.userId(), paymentId).expect(200).field("status")).isNotEqualTo("CANCELLED");
    }

    @Test
    void shouldNotLetAStrangerPayWithAnotherUsersAuthorization() {
        Reply reply = api.payAsync(stranger, payee.userId(), AMOUNT, authorizationOfOwner,
                UUID.randomUUID().toString(), 0).join();
        assertThat(reply.status()).isEqualTo(403);
        assertThat(isProblem(reply, "AUTHORIZATION_INVALID")).as(reply.text()).isTrue();
        // and the owner can still use it: the stranger's attempt did not consume it
        Reply own = api.payAsync(owner, payee.userId(), AMOUNT, authorizationOfOwner, UUID.randomUUID().toString(), 0)
                .join();
        assertThat(own.status()).as(own.text()).isEqualTo(202);
    }

    @Test
    void shouldAnswerAnotherUsersCardExactlyLikeAMissingOne() {
        String cardId = api.get(ChatpayService.ONBOARDING, "/v1/me/cards").as(owner.userId()).send().expect(200)
                .json().path("items").get(0).path("cardId").asText();
        Reply theirs = asStranger(ChatpayService.ONBOARDING, "DELETE", "/v1/me/cards/" + cardId, null);
        Reply none = asStranger(ChatpayService.ONBOARDING, "DELETE", "/v1/me/cards/" + UUID.randomUUID(), null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(sameProblem(theirs, none)).as(theirs.text() + " vs " + none.text()).isTrue();
        assertThat(api.get(ChatpayService.ONBOARDING, "/v1/me/cards").as(stranger.userId()).send().expect(200).text())
                .doesNotContain(cardId);
        assertThat(api.get(ChatpayService.ONBOARDING, "/v1/me/cards").as(owner.userId()).send().expect(200).text())
                .as("the owner's card survives").contains(cardId);
    }

    @Test
    void shouldAnswerAnotherUsersNotificationExactlyLikeAMissingOne() {
        JsonNode notification = awaitNotification(owner);
        String id = notification.path("id").asText(notification.path("notificationId").asText());
        assertThat(id).isNotBlank();
        Reply theirs = asStranger(ChatpayService.NOTIFICATION, "PUT", "/v1/me/notifications/" + id + "/read", null);
        Reply none = asStranger(ChatpayService.NOTIFICATION, "PUT",
                "/v1/me/notifications/" + UUID.randomUUID() + "/read", null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(sameProblem(theirs, none)).as(theirs.text() + " vs " + none.text()).isTrue();
        assertThat(api.get(ChatpayService.NOTIFICATION, "/v1/me/notifications?limit=100").as(stranger.userId()).send()
                .expect(200).text()).doesNotContain(id).doesNotContain(paymentId);
        JsonNode after = find(api.get(ChatpayService.NOTIFICATION, "/v1/me/notifications?limit=100")
                .as(owner.userId()).send().expect(200).json(), id);
        assertThat(after).as("the owner's notification is still there").isNotNull();
        assertThat(after.toString()).isEqualTo(notification.toString());
    }

    @Test
    void shouldShowEachUserOnlyTheirOwnLimits() {
        Reply mine = api.get(ChatpayService.LIMITS, "/v1/me/limits").as(stranger.userId()).send().expect(200);
        assertThat(mine.json().path("used").path("value").asLong()).isZero();
        assertThat(mine.json().path("reserved").path("value").asLong()).isZero();
        Reply owners = api.get(ChatpayService.LIMITS, "/v1/me/limits").as(owner.userId()).send().expect(200);
        assertThat(owners.json().path("used").path("value").asLong()
                + owners.json().path("reserved").path("value").asLong()).isGreaterThanOrEqualTo(AMOUNT);
        Reply peek = api.get(ChatpayService.LIMITS, "/v1/ops/users/" + owner.userId() + "/limits")
                .as(stranger.userId()).send();
        assertThat(peek.status()).isEqualTo(403);
    }

    private List<Endpoint> protectedEndpoints() {
        return endpoints.stream().filter(e -> e.access() != Access.PUBLIC).toList();
    }

    private CompletableFuture<String> check(Endpoint e, String token, String kind) {
        return request(e, token).thenApply(reply -> reply.status() == 401 && isProblem(reply, "UNAUTHENTICATED")
                ? null : e.name() + " with " + kind + ": HTTP " + reply.status() + " " + reply.text());
    }

    private CompletableFuture<Reply> request(Endpoint e, String token) {
        ChatpayApi.Call call = api.call(e.service(), e.method(), e.path()).timeout(Duration.ofSeconds(20));
        if (token != null) {
            call.bearer(token);
        }
        e.headers().get().forEach(call::header);
        if (e.hasBody()) {
            call.json(e.body().get());
        }
        return call.sendAsync();
    }

    private Reply asStranger(ChatpayService service, String method, String path, Object body) {
        ChatpayApi.Call call = api.call(service, method, path).as(stranger.userId());
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    private static boolean isProblem(Reply reply, String code) {
        return reply.contentType().startsWith("application/problem+json") && code.equals(reply.field("code"));
    }

    /** Same status, code, title and detail: nothing tells "someone else's" from "does not exist". */
    private static boolean sameProblem(Reply a, Reply b) {
        return a.status() == b.status() && a.contentType().equals(b.contentType())
                && a.json().path("code").equals(b.json().path("code"))
                && a.json().path("title").equals(b.json().path("title"))
                && a.json().path("detail").equals(b.json().path("detail"));
    }

    private JsonNode awaitNotification(Person person) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = api.get(ChatpayService.NOTIFICATION, "/v1/me/notifications?limit=100")
                    .as(person.userId()).send().expect(200).json().path("items");
            if (items.size() > 0) {
                return items.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("no notification reached " + person.userId());
    }

    private static JsonNode find(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText(item.path("notificationId").asText()))) {
                return item;
            }
        }
        return null;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
