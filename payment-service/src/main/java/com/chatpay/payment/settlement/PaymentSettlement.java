package com.chatpay.payment.settlement;

import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.cardnetwork.CardNetwork;
import com.chatpay.payment.cardnetwork.ResilientCardNetwork;
import com.chatpay.payment.cardnetwork.CardResult;
import com.chatpay.payment.cardnetwork.CardStatus;
import com.chatpay.payment.ledger.CommissionSchedule;
import com.chatpay.payment.ledger.Ledger;
import com.chatpay.payment.ledger.LedgerPosting;
import com.chatpay.payment.ledger.LedgerRows;
import com.chatpay.payment.ledger.PostingKind;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics;
import com.chatpay.payment.payment.PaymentMetrics.ReconciliationStep;
import com.chatpay.payment.payment.PaymentRepository;
import com.chatpay.payment.payment.PaymentRows;
import com.chatpay.payment.payment.PaymentStatus;
import com.chatpay.payment.payment.PaymentsConfig;
import com.chatpay.payment.users.PaymentUser;
import com.chatpay.payment.users.PaymentUserRepository;
import com.chatpay.payment.users.PaymentUserRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Moves the money of a payment through the {@link CardNetwork} and records the outcome: the transition and its event
 * (outbox) are written in the caller's transaction, the one that also records the triggering event as processed.
 * Every network call uses the payment id as idempotency reference, so a redelivered event replays the same calls
 * and gets the same answers: no money moves twice. A call that times out is settled by asking the network where the
 * reference stands ({@link CardNetwork#status}), never by guessing.
 *
 * Each approved money movement is booked in the {@link Ledger} in the same transaction (hold and its release as memo,
 * capture, payout, reversal, refund), and a completed payment books its country's commission.
 *
 * <ul>
 *   <li>limits reserved: authorize the payer's card; declined, or timed out and the network says no hold was
 *       granted → void the hold, FAILED;
 *       approved → pay out if the payee can receive, else AWAITING_PAYEE (the hold stays).</li>
 *   <li>pay out: capture (failure → void, FAILED), push to the payee's card (failure → reverse the capture,
 *       FAILED {@code PAYOUT_FAILED}), COMPLETED.</li>
 *   <li>expiry, cancel by the payer, decline by the payee: void the hold; EXPIRED, CANCELLED, DECLINED.</li>
 *   <li>refund of a COMPLETED payment: take the payout back from the payee's card, refund the payer's card, give the
 *       commission back; REFUNDED.</li>
 *   <li>a reversal or refund the network refused, then settled by ops with the issuer: an ADJUSTMENT in its place
 *       ({@link #reconcile}).</li>
 * </ul>
 *
 * When the network is unavailable (circuit open, or transient errors on every retry) nothing is decided: the payment
 * keeps its state, the postings already booked stay (each kind is booked once, so the replay skips them), and
 * {@link Payment#retryNetworkAt} makes {@link CardNetworkRetrySweeper} run the step again later.
 *
 * The step every payment runs ({@link #settle}) holds no database connection while the network answers: the payment
 * is claimed (by the decision that reserved it, {@link #claimReserved}, or by {@link #resumeIfDue}), the network
 * called, then the outcome recorded in a short transaction of its own ({@link SettlementStore.Claimed}). The others
 * run in their caller's Hibernate transaction, the payment's row locked throughout, next to the caller's entities (a
 * refund's record, a reconciliation). The logic is the same for both: only where it reads and writes differs
 * ({@link SettlementStore}).
 */
@ApplicationScoped
public class PaymentSettlement {

    /** The payer has no card the network could charge (removed since confirming). */
    public static final String PAYER_CARD_MISSING = "PAYER_CARD_MISSING";

    private static final Logger LOG = Logger.getLogger(PaymentSettlement.class);

    private final ResilientCardNetwork network;
    private final Pool pool;
    private final PaymentRows payments;
    private final PaymentRepository paymentRepository;
    private final LedgerRows ledgerRows;
    private final PaymentUserRows userRows;
    private final SettlementStore.Claimed.Rows claimedRows;
    private final SettlementStore.Session session;
    private final PaymentMetrics metrics;
    private final PaymentsConfig config;
    private final CommissionSchedule commissions;
    private final Clock clock;

    public PaymentSettlement(ResilientCardNetwork network, Pool pool, PaymentRows payments,
            PaymentRepository paymentRepository, LedgerRows ledgerRows, PaymentUserRows userRows, Ledger ledger,
            PaymentUserRepository users, Outbox outbox, PaymentMetrics metrics, PaymentsConfig config,
            CommissionSchedule commissions, Clock clock) {
        this.network = network;
        this.pool = pool;
        this.payments = payments;
        this.paymentRepository = paymentRepository;
        this.ledgerRows = ledgerRows;
        this.userRows = userRows;
        this.claimedRows = new SettlementStore.Claimed.Rows(payments, ledgerRows, userRows, outbox);
        this.session = new SettlementStore.Session(ledger, users, outbox);
        this.metrics = metrics;
        this.config = config;
        this.commissions = commissions;
        this.clock = clock;
    }

    /**
     * Runs the card-network step of one payment if it is still due by {@code dueBy} ({@link Payment#networkStepDueBy});
     * a payment settled, rescheduled or claimed meanwhile is left alone. {@link CardNetworkRetrySweeper} settles
     * through here (a step the network could not answer, or whose claim lapsed), as does a step that must run again
     * at once ({@link SettlementStore.Claimed.Outcome#DUE_AGAIN}); a step claimed by its reservation
     * ({@link #claimReserved}) is due only once that claim lapsed, so a payment reached by both settles once.
     *
     * A PENDING payment is claimed in one statement, its step rescheduled to
     * {@code settlement-lease} from now, and its postings and parties read on the same connection, which then goes
     * back to the pool: the three card-network calls run with no connection held and no row locked, and the outcome
     * is written in a second, short transaction, in plain SQL ({@link SettlementStore.Claimed}). Held through the calls
     * before, a connection of the pool served a payment for as long as the network took to answer three times, and
     * the pool's size, not the machine, bounded the payments settled a second. An AWAITING_PAYEE payment (its payout
     * tried again after the network could not be reached) is settled in a Hibernate transaction with its row locked
     * throughout, as a cancel, a decline, an expiry or the payee's activation would move it.
     */
    public Uni<Void> resumeIfDue(UUID paymentId, Instant dueBy) {
        Instant until = clock.instant().plus(config.settlementLease());
        return pool.withConnection(connection -> payments.claimStep(connection, paymentId, dueBy, until)
                        .chain(claimed -> claimed == null ? Uni.createFrom().<Claim>nullItem()
                                : Uni.combine().all().unis(ledgerRows.kinds(connection, paymentId),
                                                userRows.known(connection, claimed.payerId(), claimed.payeeId()))
                                        .asTuple()
                                        .map(read -> new Claim(claimed, new SettlementStore.Claimed(claimedRows,
                                                read.getItem1(), read.getItem2())))))
                .chain(claim -> claim == null ? resumeWaiting(paymentId, dueBy) : settle(claim));
    }

    /** A PENDING payment's card step, claimed: the payment as claimed and what the claim read. */
    record Claim(Payment payment, SettlementStore.Claimed store) {
    }

    /**
     * Claims the card step of a payment limits-service has just reserved, if it still awaits that decision
     * ({@link Payment#awaitsLimitsDecision}), in the transaction {@code connection} has begun to record the decision:
     * one conditional statement reschedules the step to {@code settlement-lease} from now, as
     * {@link PaymentRows#claimStep} would, and locks the row, and the payment's parties are read in the same round
     * trip (the two statements pipelined on the connection; nothing is booked before a payment's first step). Null,
     * and nothing written, for a payment that no longer awaits it (a redelivery, a second decision) or is unknown.
     * Once that transaction commits, {@link #settle} runs the step with no further claim. Should the step not be
     * recorded by the claim's end (the process stopped, or its settlement queue was full), the retry sweeper takes
     * it over.
     */
    Uni<Claim> claimReserved(SqlConnection connection, UUID paymentId) {
        Instant until = clock.instant().plus(config.settlementLease());
        return Uni.combine().all()
                .unis(payments.claimReserved(connection, paymentId, until).map(Optional::ofNullable),
                        userRows.partiesOf(connection, paymentId))
                .with((claimed, parties) -> claimed.map(payment -> new Claim(payment,
                        new SettlementStore.Claimed(claimedRows, Set.of(), parties))).orElse(null));
    }

    /** Runs a claimed step (the network called with no connection held) and records its outcome. */
    Uni<Void> settle(Claim claim) {
        return resume(claim.payment(), claim.store())
                .chain(() -> pool.withTransaction(connection -> claim.store().record(connection, claim.payment(),
                        clock.instant())))
                .chain(outcome -> switch (outcome) {
                    case RECORDED -> {
                        claim.store().recorded();
                        yield Uni.createFrom().voidItem();
                    }
                    case DUE_AGAIN -> resumeIfDue(claim.payment().id(), clock.instant());
                    case TAKEN_OVER -> {
                        metrics.settlementTakenOver();
                        yield Uni.createFrom().voidItem();
                    }
                });
    }

    private Uni<Void> resumeWaiting(UUID paymentId, Instant dueBy) {
        return Panache.withTransaction(() -> paymentRepository.findForUpdate(paymentId).chain(payment ->
                payment != null && payment.status() == PaymentStatus.AWAITING_PAYEE && payment.networkStepDueBy(dueBy)
                        ? resume(payment, session)
                        : Uni.createFrom().voidItem()));
    }

    /**
     * Runs the card-network step a payment in progress is waiting for: a PENDING payment (limits reserved) starts from
     * the authorization, whose answer the network repeats for the same reference; an AWAITING_PAYEE one whose payee
     * can now receive is paid out. The payment is claimed, or its row locked, by the caller.
     */
    private Uni<Void> resume(Payment payment, SettlementStore store) {
        payment.networkRetryStarted();
        return store.bookedKinds(payment.id()).chain(booked -> {
            Postings postings = new Postings(store, booked);
            if (payment.status() == PaymentStatus.PENDING) {
                return limitReserved(payment, postings);
            }
            return store.lockOrCreateUser(payment.payeeId(), clock.instant()).chain(payee -> payee.canReceive()
                    ? payOut(payment, payee, postings)
                    // captured for a payee who can no longer receive (card removed meanwhile): give it back
                    : postings.has(PostingKind.CAPTURE) ? reverseCapture(payment, postings)
                    : Uni.createFrom().voidItem());
        });
    }

    /** Limits reserved the amount of a PENDING payment. */
    private Uni<Void> limitReserved(Payment payment, Postings postings) {
        if (postings.has(PostingKind.HOLD)) {
            // an earlier run of this step got the hold and booked it, then could not go on (the network unavailable):
            // the step goes on from there, without asking for the authorization again. Asked again, a card whose
            // authorizations always time out made each retry's first call a timeout, which reopened the half-open
            // breaker before the capture could go through; once only such payments were left, nothing closed the
            // breaker again and they stayed PENDING.
            return afterHold(payment, postings);
        }
        String reference = payment.id().toString();
        return postings.store.user(payment.payerId()).chain(payer -> {
            String payerCard = payer == null ? null : payer.cardToken();
            if (payerCard == null) {
                return record(payment, postings, payment.fail(PAYER_CARD_MISSING, clock.instant()));
            }
            // a step run again (after the network was unavailable) may find the hold already captured by the earlier
            // run: the authorization did happen, and the capture that follows is answered again for the same reference
            return call("authorize", network.authorize(reference, payerCard, payment.amount()))
                    .chain(answer -> settled(reference, answer,
                            status -> status.authorization() == CardStatus.Authorization.HELD
                                    || status.authorization() == CardStatus.Authorization.CAPTURED))
                    .chain(hold -> {
                        if (hold.isUnavailable()) {
                            return retryLater(payment);
                        }
                        if (!hold.isApproved()) {
                            return call("void", network.voidHold(reference))
                                    .chain(() -> record(payment, postings, payment.fail(hold.reason(),
                                            clock.instant())));
                        }
                        return postings.book(LedgerPosting.hold(payment.id(), payment.payerCountry(), payment.amount(),
                                clock.instant())).chain(() -> afterHold(payment, postings));
                    });
        });
    }

    private Uni<Void> afterHold(Payment payment, Postings postings) {
        // in a transaction, the payee's row is locked: an activation being processed waits, then sees this payment
        // waiting; a claimed step reads the payee as they were at the claim, and locks them when it records the wait
        return postings.store.lockOrCreateUser(payment.payeeId(), clock.instant()).chain(payee -> payee.canReceive()
                ? payOut(payment, payee, postings)
                : record(payment, postings, payment.awaitPayee(clock.instant().plus(config.payeeWait()),
                        clock.instant())));
    }

    /**
     * The payer's card is held and the payee can receive: capture and push, compensating on failure. In the caller's
     * Hibernate transaction (the payee's activation), which holds the payment's and the payee's row locks.
     */
    public Uni<Void> payOut(Payment payment, PaymentUser payee) {
        return session.bookedKinds(payment.id())
                .chain(booked -> payOut(payment, payee, new Postings(session, booked)));
    }

    private Uni<Void> payOut(Payment payment, PaymentUser payee, Postings postings) {
        String reference = payment.id().toString();
        UUID id = payment.id();
        String country = payment.payerCountry();
        Money amount = payment.amount();
        return call("capture", network.capture(reference))
                .chain(answer -> settled(reference, answer,
                        status -> status.authorization() == CardStatus.Authorization.CAPTURED))
                .chain(capture -> {
                    if (capture.isUnavailable()) {
                        return retryLater(payment);
                    }
                    if (!capture.isApproved()) {
                        return voidHold(payment, postings)
                                .chain(() -> record(payment, postings, payment.fail(capture.reason(),
                                        clock.instant())));
                    }
                    Instant captured = clock.instant();
                    return postings.book(LedgerPosting.holdRelease(id, country, amount, captured))
                            .chain(() -> postings.book(LedgerPosting.capture(id, country, amount, captured)))
                            .chain(() -> call("push", network.pushToCard(reference, payee.cardToken(), amount)))
                            .chain(answer -> settled(reference, answer,
                                    status -> status.payout() == CardStatus.Payout.PAID_OUT))
                            .chain(push -> isUndecided(push) ? retryLater(payment)
                                    : push.isApproved() ? completed(payment, postings)
                                    : reverseCapture(payment, postings));
                });
    }

    private Uni<Void> completed(Payment payment, Postings postings) {
        Instant now = clock.instant();
        Uni<Void> booked = postings.book(LedgerPosting.payout(payment.id(), payment.payerCountry(), payment.amount(),
                now));
        var commission = commissions.forCountry(payment.payerCountry());
        if (commission.isPresent()) {
            booked = booked.chain(() -> postings.book(LedgerPosting.commission(payment.id(), payment.payerCountry(),
                    commission.get(), now)));
        } else {
            LOG.warnf("payment %s: no commission configured for %s", payment.id(), payment.payerCountry());
        }
        return booked.chain(() -> record(payment, postings, payment.complete(now)));
    }

    /**
     * The payout failed after the payer's card was captured: the capture is reversed and the payment FAILED. While the
     * network cannot be reached (or a reversal's answer was lost and it cannot tell), the payer's money is captured
     * and not paid out, so the payment is not over: it stays in progress and the step runs again later (the replay
     * gets the same answers up to the push, then asks for the reversal again with the same reference).
     */
    private Uni<Void> reverseCapture(Payment payment, Postings postings) {
        String reference = payment.id().toString();
        return call("reverse", network.reverse(reference))
                .chain(answer -> settled(reference, answer,
                        status -> status.authorization() == CardStatus.Authorization.REVERSED))
                .chain(reversal -> {
                    if (isUndecided(reversal)) {
                        return retryLater(payment);
                    }
                    if (!reversal.isApproved()) {
                        LOG.errorf("payment %s: payout failed and the network refused to reverse the capture (%s)",
                                payment.id(), reversal.reason());
                        metrics.reconciliationNeeded(ReconciliationStep.REVERSE);
                        return record(payment, postings, payment.fail(CardResult.PAYOUT_FAILED, clock.instant()));
                    }
                    return postings.book(LedgerPosting.reversal(payment.id(), payment.payerCountry(),
                                    payment.amount(), clock.instant()))
                            .chain(() -> record(payment, postings, payment.fail(CardResult.PAYOUT_FAILED,
                                    clock.instant())));
                });
    }

    /** Nothing is known of the call: not made (network unavailable), or timed out and the network cannot tell. */
    private static boolean isUndecided(CardResult answer) {
        return answer.isUnavailable() || answer.outcome() == CardResult.Outcome.TIMED_OUT;
    }

    /**
     * The payee did not activate in time: release the hold. If the network is unavailable the payment stays
     * AWAITING_PAYEE (the hold is not released) and the next expiry sweep tries again. A payment whose payout is under
     * way (the payer's card captured, the push to be retried) has no hold left to release: it does not expire, the
     * retry pays it out or gives the capture back.
     */
    public Uni<Void> expire(Payment payment) {
        return session.bookedKinds(payment.id()).chain(booked -> {
            Postings postings = new Postings(session, booked);
            if (booked.contains(PostingKind.CAPTURE)) {
                LOG.infof("payment %s: its payout is under way (retried at %s), it does not expire",
                        payment.id(), payment.networkRetryAt());
                return Uni.createFrom().voidItem();
            }
            return voidHoldAnswer(payment, postings).chain(voided -> {
                if (voided.isUnavailable()) {
                    LOG.warnf("payment %s: card network unavailable, expiry retried at the next sweep", payment.id());
                    return Uni.createFrom().voidItem();
                }
                return record(payment, postings, payment.expire(clock.instant()));
            });
        });
    }

    /**
     * The payer cancelled while the payment waited for the payee: release the hold. Fails with
     * {@link CardNetworkUnavailableException} (nothing changed) if the network cannot be reached, and with
     * {@link PayoutUnderWayException} if the payer's card is already captured for the payee.
     */
    public Uni<Void> cancel(Payment payment) {
        return releaseHold(payment).chain(postings -> record(payment, postings, payment.cancel(clock.instant())));
    }

    /**
     * The payee declined the payment waiting for them: release the hold. Fails as {@link #cancel} does when the hold
     * cannot be released.
     */
    public Uni<Void> decline(Payment payment) {
        return releaseHold(payment).chain(postings -> record(payment, postings, payment.decline(clock.instant())));
    }

    private Uni<Postings> releaseHold(Payment payment) {
        return session.bookedKinds(payment.id()).chain(booked -> {
            Postings postings = new Postings(session, booked);
            return postings.has(PostingKind.CAPTURE)
                    ? Uni.createFrom().failure(new PayoutUnderWayException())
                    : voidHoldAnswer(payment, postings).chain(voided -> voided.isUnavailable()
                            ? Uni.createFrom().failure(new CardNetworkUnavailableException())
                            : Uni.createFrom().item(postings));
        });
    }

    /**
     * Refunds a COMPLETED payment in full: the payout is taken back from the payee's card, the payer's card is
     * refunded, the commission is given back, REFUNDED with {@code reasonCode}. If the network refuses to take the
     * payout back, nothing changed. If it took the payout back but refuses the payer's refund, the payout reversal
     * stays booked (the money waits in platform clearing, which the ledger audit shows) and a later attempt goes
     * straight to the payer's refund; the payment stays COMPLETED.
     */
    public Uni<RefundOutcome> refund(Payment payment, String reasonCode) {
        return session.bookedKinds(payment.id())
                .chain(booked -> refund(payment, reasonCode, new Postings(session, booked)));
    }

    private Uni<RefundOutcome> refund(Payment payment, String reasonCode, Postings postings) {
        String reference = payment.id().toString();
        UUID id = payment.id();
        String country = payment.payerCountry();
        Money amount = payment.amount();
        return (postings.has(PostingKind.PAYOUT_REVERSAL)
                ? Uni.createFrom().item(CardResult.approved())
                : call("reverse_payout", network.reversePayout(reference))
                        .chain(answer -> settled(reference, answer,
                                status -> status.payout() == CardStatus.Payout.REVERSED))
                        .call(taken -> taken.isApproved()
                                ? postings.book(LedgerPosting.payoutReversal(id, country, amount, clock.instant()))
                                : Uni.createFrom().voidItem()))
                .chain(taken -> {
                    if (!taken.isApproved()) {
                        return Uni.createFrom().item(RefundOutcome.failed(taken.reason()));
                    }
                    return call("refund", network.refund(reference, amount))
                            .chain(answer -> settled(reference, answer,
                                    status -> status.authorization() == CardStatus.Authorization.REFUNDED))
                            .chain(refunded -> {
                                if (!refunded.isApproved()) {
                                    LOG.errorf("payment %s: payout taken back but the payer's refund was refused (%s)",
                                            id, refunded.reason());
                                    metrics.reconciliationNeeded(ReconciliationStep.REFUND);
                                    return Uni.createFrom().item(RefundOutcome.failed(refunded.reason()));
                                }
                                return refunded(payment, postings,
                                        LedgerPosting.refund(id, country, amount, clock.instant()), reasonCode)
                                        .replaceWith(RefundOutcome.REFUNDED);
                            });
                });
    }

    /**
     * The payer got the money back ({@code credited}: the network's refund, or ops' adjustment): booked, the
     * commission given back, REFUNDED with {@code reasonCode}.
     */
    private Uni<Void> refunded(Payment payment, Postings postings, LedgerPosting credited, String reasonCode) {
        Instant now = credited.bookedAt();
        return postings.book(credited)
                .chain(() -> session.ledger().posting(payment.id(), PostingKind.COMMISSION))
                .chain(commission -> commission.isPresent()
                        ? postings.book(LedgerPosting.commissionReversal(commission.get(), now))
                        : Uni.createFrom().voidItem())
                .chain(() -> record(payment, postings, payment.refund(reasonCode, now)));
    }

    /**
     * Which step the network refused is still open for a payment, from its state and the kinds of posting it booked:
     * REVERSE, a FAILED payment whose capture was not given back; REFUND, a COMPLETED payment whose payout was taken
     * back and whose payer was not refunded. Empty when none is, or when ops already booked an ADJUSTMENT.
     */
    public static Optional<ReconciliationStep> openReconciliation(PaymentStatus status, Set<PostingKind> booked) {
        if (booked.contains(PostingKind.ADJUSTMENT)) {
            return Optional.empty();
        }
        if (status == PaymentStatus.FAILED && booked.contains(PostingKind.CAPTURE)
                && !booked.contains(PostingKind.REVERSAL)) {
            return Optional.of(ReconciliationStep.REVERSE);
        }
        if (status == PaymentStatus.COMPLETED && booked.contains(PostingKind.PAYOUT_REVERSAL)
                && !booked.contains(PostingKind.REFUND)) {
            return Optional.of(ReconciliationStep.REFUND);
        }
        return Optional.empty();
    }

    /**
     * Books what ops settled with the payer's issuer outside the network for the step the network refused, once the
     * issuer confirmed it: an {@link PostingKind#ADJUSTMENT} (platform clearing → payer funding, the payment's
     * amount) in place of the missing reversal or refund. REVERSE: the payment stays FAILED. REFUND: the commission is
     * given back and the payment is REFUNDED with {@code refundCode} (its event tells both parties). Answers the step
     * booked, or empty (nothing written) when none is open. The caller holds the payment's row lock.
     */
    public Uni<Optional<ReconciliationStep>> reconcile(Payment payment, String refundCode) {
        return session.bookedKinds(payment.id()).chain(booked -> {
            Optional<ReconciliationStep> open = openReconciliation(payment.status(), booked);
            if (open.isEmpty()) {
                return Uni.createFrom().item(open);
            }
            LedgerPosting adjustment = LedgerPosting.adjustment(payment.id(), payment.payerCountry(),
                    payment.amount(), clock.instant());
            Postings postings = new Postings(session, booked);
            Uni<Void> booking = open.get() == ReconciliationStep.REVERSE
                    ? postings.book(adjustment)
                    : refunded(payment, postings, adjustment, refundCode);
            return booking.invoke(() -> LOG.infof("payment %s: the %s the network refused was settled by ops",
                    payment.id(), open.get())).replaceWith(open);
        });
    }

    /**
     * A timed-out call has an unknown outcome: the network is asked where the reference stands, and the call counts
     * as approved only if {@code happened} says it took effect; otherwise (or if the network cannot tell) it stays
     * a timeout, which the caller compensates (void, reverse) with the same reference.
     */
    private Uni<CardResult> settled(String reference, CardResult answer, Predicate<CardStatus> happened) {
        if (answer.outcome() != CardResult.Outcome.TIMED_OUT) {
            return Uni.createFrom().item(answer);
        }
        return network.status(reference)
                .invoke(status -> metrics.cardNetworkCall("status", "answered"))
                .onFailure().invoke(() -> metrics.cardNetworkCall("status", "error"))
                .onFailure().recoverWithItem(CardStatus.UNKNOWN)
                .map(status -> status.isKnown() && happened.test(status) ? CardResult.approved() : answer);
    }

    /** Voids the payment's hold and, once the network confirms, books its release. */
    private Uni<Void> voidHold(Payment payment, Postings postings) {
        return voidHoldAnswer(payment, postings).replaceWithVoid();
    }

    /** Voids the payment's hold, books its release once approved, and answers what the network said. */
    private Uni<CardResult> voidHoldAnswer(Payment payment, Postings postings) {
        return call("void", network.voidHold(payment.id().toString())).call(voided -> {
            if (voided.isUnavailable()) {
                return Uni.createFrom().voidItem();
            }
            if (!voided.isApproved()) {
                LOG.errorf("payment %s: the hold could not be voided (%s)", payment.id(), voided.reason());
                return Uni.createFrom().voidItem();
            }
            return postings.book(LedgerPosting.holdRelease(payment.id(), payment.payerCountry(), payment.amount(),
                    clock.instant()));
        });
    }

    /**
     * The kinds of posting one payment has booked, read once per settlement step (the payment's row is locked, so
     * nothing else books for it meanwhile): a posting is booked unless its kind already is (a step replayed after an
     * outage), without a query per posting; and the step's transaction, where it books them.
     */
    private static final class Postings {

        private final SettlementStore store;
        private final Set<PostingKind> booked;

        Postings(SettlementStore store, Set<PostingKind> booked) {
            this.store = store;
            this.booked = EnumSet.noneOf(PostingKind.class);
            this.booked.addAll(booked);
        }

        boolean has(PostingKind kind) {
            return booked.contains(kind);
        }

        Uni<Void> book(LedgerPosting posting) {
            if (!booked.add(posting.kind())) {
                return Uni.createFrom().voidItem();
            }
            return store.book(posting);
        }
    }

    /** The network could not be reached: the payment stays as it is and the step runs again later. */
    private Uni<Void> retryLater(Payment payment) {
        LOG.warnf("payment %s: card network unavailable, retrying in %s", payment.id(), config.networkRetryDelay());
        payment.retryNetworkAt(clock.instant().plus(config.networkRetryDelay()));
        metrics.networkDeferred();
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> record(Payment payment, Postings postings, Record event) {
        return postings.store.publish(event, payment.payerId(), () -> metrics.transitioned(payment));
    }

    private Uni<CardResult> call(String operation, Uni<CardResult> call) {
        return call.invoke(result -> metrics.cardNetworkCall(operation, result.outcome().name().toLowerCase()))
                .onFailure().invoke(() -> metrics.cardNetworkCall(operation, "error"));
    }
}
