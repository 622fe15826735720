package com.chatpay.payment.payment;

import com.chatpay.common.ids.TimeOrderedIds;
import com.chatpay.common.paging.PageCursor;
import com.chatpay.common.money.CountryCurrency;
import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.common.problem.ApiException;
import com.chatpay.common.problem.ErrorCodes;
import com.chatpay.payment.authorization.AuthorizationRejectedException;
import com.chatpay.payment.authorization.AuthorizationVerifier;
import com.chatpay.payment.authorization.PaymentAuthorization;
import com.chatpay.payment.authorization.UsedAuthorizations;
import com.chatpay.payment.settlement.CardNetworkUnavailableException;
import com.chatpay.payment.settlement.PayoutUnderWayException;
import com.chatpay.payment.settlement.PaymentSettlement;
import com.chatpay.payment.users.PaymentUser;
import com.chatpay.payment.users.PaymentUserRows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Accepting payments (idempotently, against a single-use authorization), cancel/decline, and reading them back. */
@ApplicationScoped
public class PaymentService {

    /** The name the payment lists' cursors carry. */
    public static final String PAYMENTS = "payments";

    /** The answer to a payment request: the stored one for a replayed Idempotency-Key. */
    public record Accepted(UUID paymentId, int status, String body, boolean replayed) {
    }

    private final Pool pool;
    private final PaymentRepository payments;
    private final PaymentRows rows;
    private final IdempotencyRepository idempotency;
    private final UsedAuthorizations usedAuthorizations;
    private final PaymentUserRows users;
    private final AuthorizationVerifier verifier;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final PaymentSettlement settlement;
    private final ObjectMapper json;
    private final PaymentsConfig config;
    private final Clock clock;

    public PaymentService(Pool pool, PaymentRepository payments, PaymentRows rows,
            IdempotencyRepository idempotency, UsedAuthorizations usedAuthorizations, PaymentUserRows users,
            AuthorizationVerifier verifier, Outbox outbox, PaymentMetrics metrics, PaymentSettlement settlement,
            ObjectMapper json, PaymentsConfig config, Clock clock) {
        this.pool = pool;
        this.payments = payments;
        this.rows = rows;
        this.idempotency = idempotency;
        this.usedAuthorizations = usedAuthorizations;
        this.users = users;
        this.verifier = verifier;
        this.outbox = outbox;
        this.metrics = metrics;
        this.settlement = settlement;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Accepts a payment: PENDING row, PaymentRequested event, Idempotency-Key record and the authorization's use,
     * all in one transaction. A key already used by this payer answers its stored response if the request is the
     * same, 422 otherwise; a concurrent request with the same key waits for the first and then does the same.
     * A key older than {@link PaymentsConfig#idempotencyKeyTtl()} is forgotten: the request is a new payment.
     * Once per payment, so in plain SQL on one connection of the reactive pool, without a Hibernate session.
     */
    public Uni<Accepted> create(String payerId, String idempotencyKey, CreatePaymentRequest request) {
        String hash = RequestHash.of(request);
        return pool.withTransaction(connection -> idempotency.find(connection, payerId, idempotencyKey)
                .chain(existing -> existing == null || existing.isExpired(clock.instant(), config.idempotencyKeyTtl())
                        ? accept(connection, payerId, idempotencyKey, hash, request)
                        : Uni.createFrom().item(() -> replay(existing, hash))));
    }

    private Uni<Accepted> accept(SqlConnection connection, String payerId, String idempotencyKey, String hash,
            CreatePaymentRequest request) {
        Money amount = validAmount(request.amount());
        PaymentAuthorization authorization;
        try {
            authorization = verifier.verify(request.authorizationToken(), payerId, request.payeeId(), amount);
        } catch (AuthorizationRejectedException e) {
            return Uni.createFrom().failure(ApiException.forbidden(PaymentErrors.AUTHORIZATION_INVALID,
                    "The payment authorization is not valid: " + e.getMessage() + "."));
        }
        String countryCurrency = CountryCurrency.of(authorization.payerCountry()).orElse(null);
        if (!amount.currency().equals(countryCurrency)) {
            return Uni.createFrom().failure(ApiException.unprocessable(PaymentErrors.CURRENCY_NOT_SUPPORTED,
                    "Payments from " + authorization.payerCountry() + " cannot be made in " + amount.currency() + "."));
        }
        return users.known(connection, payerId, request.payeeId()).chain(known -> {
            PaymentUser payer = known.get(payerId);
            if (payer != null && payer.isBlocked()) {
                return Uni.createFrom().failure(ApiException.forbidden(PaymentErrors.PAYER_BLOCKED,
                        "Payments are blocked for this account."));
            }
            PaymentUser payee = known.get(request.payeeId());
            if (payee != null && payee.country() != null && !payee.country().equals(authorization.payerCountry())) {
                return Uni.createFrom().failure(ApiException.unprocessable(PaymentErrors.PAYEE_IN_OTHER_COUNTRY,
                        "Payer and payee must be in the same country."));
            }
            Instant now = clock.instant();
            Payment payment = Payment.request(TimeOrderedIds.next(), payerId, request.payeeId(),
                    request.conversationId(), amount, request.message(), authorization.payerCountry(), now);
            String body = toJson(PaymentView.of(payment));
            return idempotency.claim(connection, payerId, idempotencyKey, hash, payment.id(), 202, body, now,
                    now.minus(config.idempotencyKeyTtl())).chain(claimed -> {
                if (!claimed) {
                    return idempotency.find(connection, payerId, idempotencyKey)
                            .map(existing -> replay(existing, hash));
                }
                return usedAuthorizations.recordFirstUse(connection, authorization.tokenId(), payment.id(), now)
                        .chain(first -> first
                                ? rows.insert(connection, payment)
                                        .chain(() -> outbox.publish(connection, payment.requested(), payerId))
                                        .invoke(() -> metrics.transitioned(payment))
                                        .map(published -> new Accepted(payment.id(), 202, body, false))
                                : Uni.createFrom().failure(ApiException.conflict(
                                        PaymentErrors.AUTHORIZATION_ALREADY_USED,
                                        "This payment authorization was already used; confirm the payment again.")));
            });
        });
    }

    private static Accepted replay(IdempotencyRecord existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw ApiException.unprocessable(PaymentErrors.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request.");
        }
        return new Accepted(existing.paymentId(), existing.responseStatus(), existing.responseBody(), true);
    }

    private static Money validAmount(Amount amount) {
        if (!Money.isKnownCurrency(amount.currency())) {
            throw ApiException.validation("amount.currency", "is not a known ISO 4217 currency");
        }
        return amount.toMoney();
    }

    /** The payer cancels a payment waiting for its payee; the hold is voided. */
    @WithTransaction
    public Uni<Payment> cancel(UUID paymentId, String callerId) {
        return whileAwaitingPayee(paymentId, callerId, true, settlement::cancel);
    }

    /** The payee declines a payment waiting for them; the hold is voided. */
    @WithTransaction
    public Uni<Payment> decline(UUID paymentId, String callerId) {
        return whileAwaitingPayee(paymentId, callerId, false, settlement::decline);
    }

    private Uni<Payment> whileAwaitingPayee(UUID paymentId, String callerId, boolean byPayer,
            Function<Payment, Uni<Void>> action) {
        return payments.findForUpdate(paymentId).chain(payment -> {
            if (payment == null || !payment.involves(callerId)) {
                return Uni.createFrom().failure(ApiException.notFound("No such payment."));
            }
            if (!(byPayer ? payment.payerId() : payment.payeeId()).equals(callerId)) {
                return Uni.createFrom().failure(ApiException.forbidden(ErrorCodes.FORBIDDEN,
                        byPayer ? "Only the payer can cancel a payment." : "Only the payee can decline a payment."));
            }
            if (payment.status() != PaymentStatus.AWAITING_PAYEE) {
                return Uni.createFrom().failure(ApiException.conflict(PaymentErrors.PAYMENT_NOT_AWAITING_PAYEE,
                        "Only a payment waiting for its payee can be cancelled or declined; this one is "
                                + payment.status() + "."));
            }
            return action.apply(payment).replaceWith(payment)
                    .onFailure(CardNetworkUnavailableException.class).transform(e -> new ApiException(503,
                            PaymentErrors.CARD_NETWORK_UNAVAILABLE, "Card network unavailable",
                            "The card network cannot be reached right now; nothing changed, try again later.",
                            null, Map.of("Retry-After", "30")))
                    .onFailure(PayoutUnderWayException.class).transform(e -> ApiException.conflict(
                            PaymentErrors.PAYMENT_PAYOUT_UNDER_WAY, "The payer's card is already charged and the"
                                    + " payment is being paid out to the payee; it can no longer be cancelled or"
                                    + " declined."));
        });
    }

    /** The payment if {@code userId} may see it (payer, payee, or ops); null otherwise. */
    @WithSession
    public Uni<Payment> visibleTo(UUID paymentId, String userId, boolean ops) {
        return payments.findById(paymentId).map(p -> p != null && (ops || p.involves(userId)) ? p : null);
    }

    @WithSession
    public Uni<PaymentPage> history(String userId, boolean sent, PageCursor after, int limit) {
        return payments.history(userId, sent, after, limit + 1).map(found -> page(found, limit));
    }

    /** Every payment (of one status, if given), newest first, for ops. */
    @WithSession
    public Uni<PaymentPage> all(PaymentStatus status, PageCursor after, int limit) {
        return payments.all(status, after, limit + 1).map(found -> page(found, limit));
    }

    private static PaymentPage page(List<Payment> found, int limit) {
        List<Payment> page = found.size() > limit ? found.subList(0, limit) : found;
        String next = null;
        if (found.size() > limit) {
            Payment last = page.get(page.size() - 1);
            next = new PageCursor(last.createdAt(), last.id()).encode(PAYMENTS);
        }
        return new PaymentPage(page.stream().map(PaymentView::of).toList(), next);
    }

    private String toJson(PaymentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payment view not serializable", e);
        }
    }
}
