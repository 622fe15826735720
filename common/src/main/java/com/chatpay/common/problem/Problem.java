package com.chatpay.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        return new Problem("https://chatpay.dev/problems/" + code.toLowerCase().replace('_', '-'), title, status,
                detail, code, errors == null ? List.of() : errors);
    }
}
