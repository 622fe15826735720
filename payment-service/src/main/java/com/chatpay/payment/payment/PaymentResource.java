package com.chatpay.payment.payment;

import com.chatpay.common.paging.PageLimit;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code /v1/payments}: send a payment, read one, list one's history, cancel or decline a waiting one. */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    static final int MAX_WAIT_SECONDS = 10;
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})(?:$|[,;\\s])");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    /**
     * A message is shown as is in the conversation bubble: no control character (C0, DEL, C1) and no bidirectional
     * embedding, override or isolate (U+202A..U+202E, U+2066..U+2069) that could make it read as something else,
     * e.g. another amount. Emoji sequences (ZWJ, variation selectors) stay allowed.
     */
    private static final Pattern DISPLAYABLE = Pattern.compile("[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]*");

    private final PaymentService service;
    private final PaymentWaiter waiter;
    private final JsonWebToken jwt;

    public PaymentResource(PaymentService service, PaymentWaiter waiter, JsonWebToken jwt) {
        this.service = service;
        this.waiter = waiter;
        this.jwt = jwt;
    }

    /**
     * 202 with the PENDING payment and its {@code Location}. With {@code Prefer: wait=N} (1..10 s) the answer waits
     * until the payment leaves PENDING (then 200) or N seconds pass (then 202). A replayed Idempotency-Key answers
     * the stored response of the first request.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.USER)
    public Uni<Response> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Prefer") String prefer, @Valid @NotNull CreatePaymentRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.badRequest(PaymentErrors.IDEMPOTENCY_KEY_REQUIRED,
                    "The Idempotency-Key header is required.");
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.validation("Idempotency-Key", "must be 1 to 64 visible ASCII characters");
        }
        if (request.message() != null
                && request.message().codePointCount(0, request.message().length())
                        > CreatePaymentRequest.MESSAGE_MAX_CODE_POINTS) {
            throw ApiException.validation("message",
                    "must be at most " + CreatePaymentRequest.MESSAGE_MAX_CODE_POINTS + " characters");
        }
        if (request.message() != null && !DISPLAYABLE.matcher(request.message()).matches()) {
            throw ApiException.validation("message", "must not contain control characters or direction overrides");
        }
        String payerId = jwt.getSubject();
        if (request.payeeId().equals(payerId)) {
            throw ApiException.badRequest(PaymentErrors.SELF_PAYMENT, "You cannot pay yourself.");
        }
        Optional<Duration> wait = waitOf(prefer);
        return service.create(payerId, idempotencyKey, request).chain(accepted -> {
            String location = "/v1/payments/" + accepted.paymentId();
            if (accepted.replayed() || wait.isEmpty()) {
                return Uni.createFrom().item(Response.status(accepted.status()).type(MediaType.APPLICATION_JSON)
                        .header("Location", location).entity(accepted.body()).build());
            }
            return waiter.awaitDecision(accepted.paymentId(), wait.get()).map(view -> Response
                    .status(view.status() == PaymentStatus.PENDING ? 202 : 200)
                    .header("Location", location)
                    .header("Preference-Applied", "wait=" + wait.get().toSeconds())
                    .entity(view).build());
        });
    }

    /** The payment, for its payer, its payee or ops; 404 for anyone else. */
    @GET
    @Path("{paymentId}")
    @RolesAllowed({Roles.USER, Roles.OPS})
    public Uni<PaymentView> get(@PathParam("paymentId") String paymentId) {
        UUID id = parseId(paymentId);
        boolean ops = jwt.getGroups() != null && jwt.getGroups().contains(Roles.OPS);
        return service.visibleTo(id, jwt.getSubject(), ops).map(payment -> {
            if (payment == null) {
                throw ApiException.notFound("No such payment.");
            }
            return PaymentView.of(payment);
        });
    }

    /** The payer cancels while the payment waits for its payee (409 in any other state). */
    @POST
    @Path("{paymentId}/cancel")
    @RolesAllowed(Roles.USER)
    public Uni<PaymentView> cancel(@PathParam("paymentId") String paymentId) {
        return service.cancel(parseId(paymentId), jwt.getSubject()).map(PaymentView::of);
    }

    /** The payee declines a payment waiting for them (409 in any other state). */
    @POST
    @Path("{paymentId}/decline")
    @RolesAllowed(Roles.USER)
    public Uni<PaymentView> decline(@PathParam("paymentId") String paymentId) {
        return service.decline(parseId(paymentId), jwt.getSubject()).map(PaymentView::of);
    }

    /** The caller's payments, sent or received, newest first. */
    @GET
    @RolesAllowed(Roles.USER)
    public Uni<PaymentPage> history(@QueryParam("direction") String direction, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        boolean sent;
        if (direction == null || direction.equals("sent")) {
            sent = true;
        } else if (direction.equals("received")) {
            sent = false;
        } else {
            throw ApiException.validation("direction", "must be sent or received");
        }
        int size = PageLimit.parse(limit);
        PageCursor after = PageCursor.decode(PaymentService.PAYMENTS, cursor);
        return service.history(jwt.getSubject(), sent, after, size);
    }

    /** A payment id of a path; anything that is not one is a payment that does not exist (404). */
    public static UUID parseId(String paymentId) {
        try {
            return UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such payment.");
        }
    }

    /** {@code wait=N} of a Prefer header, capped at {@link #MAX_WAIT_SECONDS}; empty when absent or 0. */
    static Optional<Duration> waitOf(String prefer) {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher m = WAIT.matcher(prefer.toLowerCase());
        if (!m.find()) {
            return Optional.empty();
        }
        int seconds = Math.min(Integer.parseInt(m.group(1)), MAX_WAIT_SECONDS);
        return seconds < 1 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
