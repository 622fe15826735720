package com.chatpay.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document with chatpay's stable machine-readable {@code code} and, for validation failures,
 * the offending fields. Never carries an exception class name, a stack trace or a submitted secret.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON path (e.g. {@code address.postalCode}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /**
     * The body as sent: an ordered map of the RFC 9457 members, {@code code}, {@code errors} when there are any, and
     * extension members (e.g. {@code attemptsRemaining}). A plain map, so rendering it never depends on reflection
     * over these records (which a test JVM may load twice).
     */
    public Map<String, Object> body(Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("code", code);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("https://chatpay.dev/problems/" + code.toLowerCase().replace('_', '-'), title, status,
                detail, code, errors == null ? List.of() : errors);
    }
}
