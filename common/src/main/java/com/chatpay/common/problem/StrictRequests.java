package com.chatpay.common.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests are read strictly, before any resource sees them: a body must say what it is (a body without a
 * {@code Content-Type} would otherwise be read as the endpoint's JSON), and no path or query parameter may hold a
 * NUL character (PostgreSQL refuses it in text, which would surface as a 500). Both are refused with a problem
 * document.
 */
public class StrictRequests {

    @ServerRequestFilter
    public Optional<Response> refuseSloppyRequests(ContainerRequestContext request) {
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return Optional.of(ProblemMappers.render(new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type", "The request body has no Content-Type.", null, null)));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(true), errors);
        check(request.getUriInfo().getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            return Optional.of(ProblemMappers.render(ApiException.validation(errors)));
        }
        return Optional.empty();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && !StrictJson.isWellFormed(value)) {
                    errors.add(new Problem.FieldError(parameter.getKey(),
                            "contains a NUL character or broken Unicode"));
                    break;
                }
            }
        }
    }
}
