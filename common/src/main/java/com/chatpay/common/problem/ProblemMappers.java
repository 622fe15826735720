package com.chatpay.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error mapper of every service: every failure becomes an {@code application/problem+json} body with a
 * stable code. Client errors name the offending fields, never echo their values; unexpected errors answer 500 with
 * an opaque error id that is also logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return render(e);
    }

    /** The response of a refusal: for service-specific mappers that translate their own exceptions. */
    public static Response render(ApiException e) {
        Response.ResponseBuilder builder = problem(e.toProblem(), e.extensions());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return problem(Problem.of(400, ErrorCodes.VALIDATION_FAILED, "Validation failed",
                "The request has invalid fields.", errors)).build();
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return problem(Problem.of(400, ErrorCodes.VALIDATION_FAILED, "Validation failed",
                "The request has unknown fields.",
                List.of(new Problem.FieldError(jsonPath(e), "unknown field")))).build();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String message = e instanceof InvalidFormatException ? "has the wrong format" : "has the wrong type";
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return malformed();
        }
        return problem(Problem.of(400, ErrorCodes.VALIDATION_FAILED, "Validation failed",
                "The request has invalid fields.", List.of(new Problem.FieldError(field, message)))).build();
    }

    /** A value Jackson could not build (e.g. a Money with an unknown currency): name the field. */
    @ServerExceptionMapper
    public Response invalidValue(JsonMappingException e) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return malformed();
        }
        return problem(Problem.of(400, ErrorCodes.VALIDATION_FAILED, "Validation failed",
                "The request has invalid fields.", List.of(new Problem.FieldError(field, "is invalid")))).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return malformed();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticatedResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticatedResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(Problem.of(403, ErrorCodes.FORBIDDEN, "Forbidden",
                "You are not allowed to do this.", null)).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            if (json instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched);
            }
            return json instanceof JsonMappingException mapping ? invalidValue(mapping) : malformed();
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder builder = problem(Problem.of(status, ErrorCodes.forStatus(status),
                Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                        ? reason(status) : "Error",
                reason(status) + ".", null));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DependencyOutage.isOutage(e)) {
            // nothing was done and the same request will work once the database is back: say so, briefly
            LOG.warnf("answered 503, a dependency is unavailable: %s", e.toString());
            return problem(Problem.of(503, ErrorCodes.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service cannot reach its database right now; retry in a moment.", null))
                    .header("Retry-After", "1").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", errorId);
        return problem(Problem.of(500, ErrorCodes.INTERNAL_ERROR, "Internal error",
                "Something went wrong on our side (error id " + errorId + ").", null)).build();
    }

    private static Response malformed() {
        return problem(Problem.of(400, ErrorCodes.MALFORMED_JSON, "Malformed JSON",
                "The request body is not valid JSON for this endpoint.", null)).build();
    }

    private static Response unauthenticatedResponse() {
        return problem(Problem.of(401, ErrorCodes.UNAUTHENTICATED, "Unauthenticated",
                "A valid bearer token is required.", null))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    static Response.ResponseBuilder problem(Problem problem) {
        return problem(problem, null);
    }

    static Response.ResponseBuilder problem(Problem problem, java.util.Map<String, Object> extensions) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.body(extensions));
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /** {@code create.request.amount.value} → {@code amount.value}; a bare parameter keeps its own name. */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                properties.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null || parameter.startsWith("arg") || "request".equals(parameter) ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
