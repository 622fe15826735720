package com.chatpay.reliability.input;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.stack.service.ChatpayService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every public endpoint of the four services (DESIGN.md §4, as the resources are built), with the parts a hostile
 * client can spoil: path and query parameters, headers and the JSON body field by field. One table, shared by the
 * hostile-input corpus and the auth matrix, so that an endpoint added to a service and to this table is covered by
 * both.
 *
 * <p>Each endpoint's baseline request targets something that makes it harmless even if a mutation were wrongly
 * accepted where possible (an unknown id, a completed payment, the caller's own data unchanged); the corpus never
 * sends a baseline itself.
 */
public final class PublicEndpoints {

    /** Who may call an endpoint. */
    public enum Access {
        /** A person ({@code user} group). */
        USER,
        /** An operator ({@code ops} group). */
        OPS,
        /** No authentication (the dev-only SMS outbox). */
        PUBLIC
    }

    /**
     * What a JSON field holds, which decides the hostile values that must be refused there.
     */
    public enum Kind {
        /** A value of a strict format (PIN, code, phone, country, currency, enum): any junk is invalid. */
        CODE,
        /** Free text (names of places, messages, reasons): control characters and bidi overrides are invalid. */
        TEXT,
        /** An opaque identifier (user, conversation, push token): NUL, broken Unicode and huge sizes are invalid. */
        ID,
        /** Minor units of an amount: negative, zero, fractional and out-of-range values are invalid. */
        AMOUNT,
        /** A bounded integer; its own invalid values are listed on the field. */
        INTEGER,
        /** A boolean. */
        BOOLEAN,
        /** A payment authorization token. */
        AUTHORIZATION,
        /** A secret that must stay right in the baseline (a PIN whose wrong value would count an attempt). */
        SECRET
    }

    /** A body field by JSON path ({@code amount.value}); {@code invalid} lists extra raw JSON values refused there. */
    public record Field(String path, Kind kind, boolean required, List<String> invalid) {
        static Field of(String path, Kind kind) {
            return new Field(path, kind, true, List.of());
        }

        static Field optional(String path, Kind kind) {
            return new Field(path, kind, false, List.of());
        }

        static Field integer(String path, boolean required, String... invalid) {
            return new Field(path, Kind.INTEGER, required, List.of(invalid));
        }
    }

    /** What a path parameter is, which decides its hostile values. */
    public enum ParamKind {
        /** A UUID: junk answers 404. */
        UUID,
        /** An ISO country code. */
        COUNTRY,
        /** A platform user id (ops endpoints). */
        USER_ID
    }

    /** A path parameter: its name in the template, its kind and its baseline value. */
    public record PathParam(String name, ParamKind kind, String value) {
    }

    /** A query parameter and the hostile values that must be refused for it. */
    public record QueryParam(String name, List<String> invalid) {
    }

    /**
     * One endpoint: where it is, who may call it, who calls it in the baseline ({@code actorId}), its parameters,
     * its baseline headers and body (a supplier, so that each request gets its own Idempotency-Key or token), and
     * its body fields.
     */
    public record Endpoint(ChatpayService service, String method, String template, Access access, String actorId,
            List<PathParam> pathParams, List<QueryParam> queryParams, Supplier<Map<String, String>> headers,
            Supplier<Map<String, Object>> body, List<Field> fields) {

        public String name() {
            return method + " " + template;
        }

        public boolean hasBody() {
            return body != null;
        }

        /** The path with the baseline parameter values. */
        public String path() {
            return path(Map.of());
        }

        /** The path with some parameters replaced by raw (already URL-encoded) values. */
        public String path(Map<String, String> replaced) {
            String path = template;
            for (PathParam p : pathParams) {
                path = path.replace("{" + p.name() + "}", replaced.getOrDefault(p.name(), p.value()));
            }
            return path;
        }
    }

    /**
     * The people and things the baseline requests point at: {@code payer} and {@code payee} are onboarded, the
     * payer paid the payee {@code paymentId} (COMPLETED); {@code freshToken} authorizes another payment of
     * {@code amount} from payer to payee each time it is called.
     */
    public record Targets(String payerId, String payerFirstName, String payerPhone, String payerPin, String payeeId,
            String paymentId, long amount, Supplier<String> freshToken) {
    }

    private PublicEndpoints() {
    }

    /** The whole table for these targets. */
    public static List<Endpoint> all(Targets t) {
        List<Endpoint> all = new ArrayList<>();
        all.addAll(onboarding(t));
        all.addAll(payment(t));
        all.addAll(limits(t));
        all.addAll(notification(t));
        return all;
    }

    static List<Endpoint> onboarding(Targets t) {
        ChatpayService s = ChatpayService.ONBOARDING;
        List<Endpoint> e = new ArrayList<>();
        e.add(get(s, "/v1/me/onboarding", Access.USER, t.payerId()));
        e.add(get(s, "/v1/me/profile", Access.USER, t.payerId()));
        e.add(new Endpoint(s, "PUT", "/v1/me/profile", Access.USER, t.payerId(), List.of(), List.of(), Map::of,
                () -> obj("firstName", t.payerFirstName(), "lastName", "Martin",
                        "address", obj("line1", "12 rue de la Paix", "postalCode", "75002", "city", "Paris",
                                "country", "FR"),
                        "phoneNumber", t.payerPhone()),
                List.of(Field.of("firstName", Kind.CODE), Field.of("lastName", Kind.CODE),
                        Field.of("address.line1", Kind.TEXT), Field.optional("address.line2", Kind.TEXT),
                        Field.of("address.postalCode", Kind.CODE), Field.of("address.city", Kind.TEXT),
                        Field.of("address.country", Kind.CODE), Field.of("phoneNumber", Kind.CODE))));
        e.add(new Endpoint(s, "POST", "/v1/me/cards", Access.USER, t.payerId(), List.of(), List.of(), Map::of,
                () -> obj("number", "4111111111111111", "expiryMonth", 12, "expiryYear", 2030, "cvc", "123"),
                List.of(Field.of("number", Kind.CODE), Field.integer("expiryMonth", true, "0", "13", "-1"),
                        Field.integer("expiryYear", true, "1999", "-2030", "20300"), Field.of("cvc", Kind.CODE))));
        e.add(get(s, "/v1/me/cards", Access.USER, t.payerId()));
        e.add(withParams(s, "DELETE", "/v1/me/cards/{cardId}", Access.USER, t.payerId(),
                new PathParam("cardId", ParamKind.UUID, UUID.randomUUID().toString())));
        e.add(new Endpoint(s, "PUT", "/v1/me/pin", Access.USER, t.payerId(), List.of(), List.of(), Map::of,
                () -> obj("pin", "5831", "currentPin", t.payerPin()),
                List.of(Field.of("pin", Kind.CODE), Field.of("currentPin", Kind.SECRET))));
        e.add(new Endpoint(s, "POST", "/v1/me/activation/sms", Access.USER, t.payerId(), List.of(), List.of(),
                Map::of, null, List.of()));
        e.add(new Endpoint(s, "POST", "/v1/me/activation/verify", Access.USER, t.payerId(), List.of(), List.of(),
                Map::of, () -> obj("code", "123456"), List.of(Field.of("code", Kind.CODE))));
        e.add(new Endpoint(s, "POST", "/v1/me/devices/registration-options", Access.USER, t.payerId(), List.of(),
                List.of(), Map::of, null, List.of()));
        e.add(new Endpoint(s, "POST", "/v1/me/devices", Access.USER, t.payerId(), List.of(), List.of(), Map::of,
                () -> obj("name", "Pixel", "credentialId", "AAECAw", "clientDataJSON", "e30",
                        "attestationObject", "oA", "pin", t.payerPin()),
                List.of(Field.of("name", Kind.TEXT), Field.of("credentialId", Kind.CODE),
                        Field.of("clientDataJSON", Kind.CODE), Field.of("attestationObject", Kind.CODE),
                        Field.of("pin", Kind.SECRET))));
        e.add(get(s, "/v1/me/devices", Access.USER, t.payerId()));
        e.add(withParams(s, "DELETE", "/v1/me/devices/{deviceId}", Access.USER, t.payerId(),
                new PathParam("deviceId", ParamKind.UUID, UUID.randomUUID().toString())));
        e.add(new Endpoint(s, "POST", "/v1/payment-authorizations/options", Access.USER, t.payerId(), List.of(),
                List.of(), Map::of, () -> obj("payeeId", t.payeeId(), "amount", ChatpayApi.amount(t.amount())),
                List.of(Field.of("payeeId", Kind.ID), Field.of("amount.value", Kind.AMOUNT),
                        Field.of("amount.currency", Kind.CODE))));
        e.add(new Endpoint(s, "POST", "/v1/payment-authorizations", Access.USER, t.payerId(), List.of(), List.of(),
                Map::of, () -> obj("payeeId", t.payeeId(), "amount", ChatpayApi.amount(t.amount()),
                        "pin", t.payerPin()),
                List.of(Field.of("payeeId", Kind.ID), Field.of("amount.value", Kind.AMOUNT),
                        Field.of("amount.currency", Kind.CODE), Field.of("pin", Kind.CODE))));
        e.add(withParams(s, "GET", "/v1/ops/rollout/{country}", Access.OPS, null,
                new PathParam("country", ParamKind.COUNTRY, "FR")));
        e.add(new Endpoint(s, "PUT", "/v1/ops/rollout/{country}", Access.OPS, null,
                List.of(new PathParam("country", ParamKind.COUNTRY, "FR")), List.of(), Map::of,
                () -> obj("enabled", true, "percentage", 100),
                List.of(Field.of("enabled", Kind.BOOLEAN), Field.integer("percentage", true, "-1", "101"))));
        String nobody = "nobody-" + UUID.randomUUID();
        e.add(withParams(s, "GET", "/v1/ops/users/{userId}", Access.OPS, null,
                new PathParam("userId", ParamKind.USER_ID, t.payerId())));
        e.add(withParams(s, "POST", "/v1/ops/users/{userId}/suspend", Access.OPS, null,
                new PathParam("userId", ParamKind.USER_ID, nobody)));
        e.add(withParams(s, "POST", "/v1/ops/users/{userId}/reinstate", Access.OPS, null,
                new PathParam("userId", ParamKind.USER_ID, nobody)));
        return e;
    }

    static List<Endpoint> payment(Targets t) {
        ChatpayService s = ChatpayService.PAYMENT;
        PathParam payment = new PathParam("paymentId", ParamKind.UUID, t.paymentId());
        List<QueryParam> paging = List.of(new QueryParam("limit", List.of("0", "-1", "101", "abc", "1e400",
                        "99999999999999999999")),
                new QueryParam("cursor", List.of("garbage", "%00", cursorOf("notifications"), "%27%20OR%201%3D1--",
                        "x".repeat(2000))));
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint(s, "POST", "/v1/payments", Access.USER, t.payerId(), List.of(), List.of(),
                () -> Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                () -> obj("payeeId", t.payeeId(), "conversationId", "conv-hostile", "amount",
                        ChatpayApi.amount(t.amount()), "message", "thanks", "authorizationToken", t.freshToken().get()),
                List.of(Field.of("payeeId", Kind.ID), Field.of("conversationId", Kind.ID),
                        Field.of("amount.value", Kind.AMOUNT), Field.of("amount.currency", Kind.CODE),
                        Field.optional("message", Kind.TEXT), Field.of("authorizationToken", Kind.AUTHORIZATION))));
        e.add(withParams(s, "GET", "/v1/payments/{paymentId}", Access.USER, t.payerId(), payment));
        e.add(new Endpoint(s, "GET", "/v1/payments", Access.USER, t.payerId(), List.of(),
                concat(paging, new QueryParam("direction", List.of("sideways", "SENT", "%00"))), Map::of, null,
                List.of()));
        e.add(withParams(s, "POST", "/v1/payments/{paymentId}/cancel", Access.USER, t.payerId(), payment));
        e.add(withParams(s, "POST", "/v1/payments/{paymentId}/decline", Access.USER, t.payerId(), payment));
        e.add(new Endpoint(s, "POST", "/v1/payments/{paymentId}/refund", Access.USER, t.payerId(), List.of(payment),
                List.of(), Map::of, () -> obj("reason", "sent by mistake"),
                List.of(Field.of("reason", Kind.TEXT))));
        e.add(new Endpoint(s, "POST", "/v1/payments/{paymentId}/dispute", Access.USER, t.payeeId(),
                List.of(payment), List.of(), Map::of, () -> obj("reason", "not received"),
                List.of(Field.of("reason", Kind.TEXT))));
        e.add(new Endpoint(s, "GET", "/v1/ops/payments", Access.OPS, null, List.of(),
                concat(paging, new QueryParam("status", List.of("BOGUS", "completed", "%27%3B--"))), Map::of, null,
                List.of()));
        e.add(new Endpoint(s, "GET", "/v1/ops/revenue", Access.OPS, null, List.of(),
                List.of(new QueryParam("month", List.of("2026-13", "abcd-ef", "99999-01", "2026-1", "%00"))),
                Map::of, null, List.of()));
        e.add(new Endpoint(s, "GET", "/v1/ops/disputes", Access.OPS, null, List.of(),
                concat(paging, new QueryParam("status", List.of("BOGUS", "open"))), Map::of, null, List.of()));
        e.add(get(s, "/v1/ops/ledger/audit", Access.OPS, null));
        e.add(new Endpoint(s, "POST", "/v1/ops/disputes/{disputeId}/resolve", Access.OPS, null,
                List.of(new PathParam("disputeId", ParamKind.UUID, UUID.randomUUID().toString())), List.of(),
                Map::of, () -> obj("outcome", "REJECT", "note", "no evidence"),
                List.of(Field.of("outcome", Kind.CODE), Field.of("note", Kind.TEXT))));
        return e;
    }

    static List<Endpoint> limits(Targets t) {
        ChatpayService s = ChatpayService.LIMITS;
        List<Endpoint> e = new ArrayList<>();
        e.add(get(s, "/v1/me/limits", Access.USER, t.payerId()));
        e.add(withParams(s, "GET", "/v1/ops/users/{userId}/limits", Access.OPS, null,
                new PathParam("userId", ParamKind.USER_ID, t.payerId())));
        e.add(withParams(s, "GET", "/v1/ops/limit-policies/{country}", Access.OPS, null,
                new PathParam("country", ParamKind.COUNTRY, "FR")));
        e.add(new Endpoint(s, "PUT", "/v1/ops/limit-policies/{country}", Access.OPS, null,
                List.of(new PathParam("country", ParamKind.COUNTRY, "FR")), List.of(), Map::of,
                () -> obj("currency", "EUR", "perPaymentMax", ChatpayApi.amount(50_000),
                        "windowMax", ChatpayApi.amount(150_000), "window", "P30D", "timeZone", "Europe/Paris",
                        "refundRestoresHeadroom", true),
                List.of(Field.of("currency", Kind.CODE), Field.of("perPaymentMax.value", Kind.AMOUNT),
                        Field.of("perPaymentMax.currency", Kind.CODE), Field.of("windowMax.value", Kind.AMOUNT),
                        Field.of("windowMax.currency", Kind.CODE), Field.of("window", Kind.CODE),
                        Field.optional("timeZone", Kind.CODE),
                        Field.integer("maxPaymentsPerWindow", false, "0", "100001", "-5"),
                        Field.optional("refundRestoresHeadroom", Kind.BOOLEAN))));
        return e;
    }

    static List<Endpoint> notification(Targets t) {
        ChatpayService s = ChatpayService.NOTIFICATION;
        List<QueryParam> paging = List.of(new QueryParam("limit", List.of("0", "101", "ten", "-2147483649")),
                new QueryParam("cursor", List.of("garbage", cursorOf("payments"), "%E2%80%AE", "y".repeat(2000))));
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint(s, "GET", "/v1/me/notifications", Access.USER, t.payerId(), List.of(), paging, Map::of,
                null, List.of()));
        e.add(withParams(s, "PUT", "/v1/me/notifications/{id}/read", Access.USER, t.payerId(),
                new PathParam("id", ParamKind.UUID, UUID.randomUUID().toString())));
        e.add(new Endpoint(s, "PUT", "/v1/me/push-tokens", Access.USER, t.payerId(), List.of(), List.of(), Map::of,
                () -> obj("token", "fcm-token-hostile", "platform", "FCM"),
                List.of(Field.of("token", Kind.ID), Field.of("platform", Kind.CODE))));
        e.add(get(s, "/v1/me/notification-preferences", Access.USER, t.payerId()));
        e.add(new Endpoint(s, "PUT", "/v1/me/notification-preferences", Access.USER, t.payerId(), List.of(),
                List.of(), Map::of, () -> obj("mutePaymentsReceived", false),
                List.of(Field.of("mutePaymentsReceived", Kind.BOOLEAN))));
        e.add(new Endpoint(s, "GET", "/v1/ops/notifications", Access.OPS, null, List.of(),
                concat(paging, new QueryParam("status", List.of("BOGUS", "failed"))), Map::of, null, List.of()));
        e.add(withParams(s, "POST", "/v1/ops/notifications/{id}/retry", Access.OPS, null,
                new PathParam("id", ParamKind.UUID, UUID.randomUUID().toString())));
        e.add(new Endpoint(s, "GET", "/dev/sms", Access.PUBLIC, null, List.of(),
                List.of(new QueryParam("phoneNumber", List.of("abc", "%27%20OR%201%3D1--", "%00", "1".repeat(40),
                        "%2B33%E2%80%AE612345678"))),
                Map::of, null, List.of()));
        return e;
    }

    private static Endpoint get(ChatpayService service, String path, Access access, String actor) {
        return new Endpoint(service, "GET", path, access, actor, List.of(), List.of(), Map::of, null, List.of());
    }

    private static Endpoint withParams(ChatpayService service, String method, String template, Access access,
            String actor, PathParam... params) {
        return new Endpoint(service, method, template, access, actor, List.of(params), List.of(), Map::of, null,
                List.of());
    }

    private static List<QueryParam> concat(List<QueryParam> a, QueryParam b) {
        List<QueryParam> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    /** A well-formed cursor of another list, which this list must refuse. */
    private static String cursorOf(String list) {
        String raw = list + ":1700000000000000:" + UUID.randomUUID();
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An ordered JSON object from alternating keys and values. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
