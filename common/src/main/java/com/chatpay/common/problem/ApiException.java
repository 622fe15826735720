package com.chatpay.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A refusal to answer with a problem document: an HTTP status, a stable code and a human detail. Services throw it
 * (or fail a Uni with it); the shared mapper renders it. The detail must never contain a secret or user input that
 * could be one (PAN, PIN, code).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    public ApiException(int status, String code, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        this(status, code, title, detail, errors, headers, null);
    }

    /** With RFC 9457 extension members, e.g. {@code attemptsRemaining}; never a secret. */
    public ApiException(int status, String code, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(400, code, "Bad request", detail, null, null);
    }

    public static ApiException validation(List<Problem.FieldError> errors) {
        return new ApiException(400, ErrorCodes.VALIDATION_FAILED, "Validation failed",
                "The request has invalid fields.", errors, null);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "Not found", detail, null, null);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, "Conflict", detail, null, null);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(422, code, "Unprocessable request", detail, null, null);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(403, code, "Forbidden", detail, null, null);
    }

    public static ApiException tooManyRequests(String code, String detail, long retryAfterSeconds) {
        return new ApiException(429, code, "Too many requests", detail, null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage(), errors);
    }
}
