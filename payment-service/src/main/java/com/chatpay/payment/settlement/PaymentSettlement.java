package com.chatpay.payment.settlement;

import com.chatpay.common.money.Money;
import com.chatpay.common.outbox.Outbox;
import com.chatpay.payment.cardnetwork.CardNetwork;
import com.chatpay.payment.cardnetwork.CardResult;
import com.chatpay.payment.payment.Payment;
import com.chatpay.payment.payment.PaymentMetrics;
import com.chatpay.payment.payment.PaymentsConfig;
import com.chatpay.payment.users.PaymentUser;
import com.chatpay.payment.users.PaymentUserRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Moves the money of a payment through the {@link CardNetwork} and records the outcome: the transition and its event
 * (outbox) are written in the caller's transaction, the one that also records the triggering event as processed.
 * Every network call uses the payment id as idempotency reference, so a redelivered event replays the same calls
 * and gets the same answers: no money moves twice.
 *
 * <ul>
 *   <li>limits reserved: authorize the payer's card; declined or timed out → void the hold, FAILED;
 *       approved → pay out if the payee can receive, else AWAITING_PAYEE (the hold stays).</li>
 *   <li>pay out: capture (failure → void, FAILED), push to the payee's card (failure → reverse the capture,
 *       FAILED {@code PAYOUT_FAILED}), COMPLETED.</li>
 *   <li>expiry, cancel by the payer, decline by the payee: void the hold; EXPIRED, CANCELLED, DECLINED.</li>
 * </ul>
 */
@ApplicationScoped
public class PaymentSettlement {

    /** The payer has no card the network could charge (removed since confirming). */
    public static final String PAYER_CARD_MISSING = "PAYER_CARD_MISSING";

    private static final Logger LOG = Logger.getLogger(PaymentSettlement.class);

    private final CardNetwork network;
    private final PaymentUserRepository users;
    private final Outbox outbox;
    private final PaymentMetrics metrics;
    private final PaymentsConfig config;
    private final Clock clock;

    public PaymentSettlement(CardNetwork network, PaymentUserRepository users, Outbox outbox, PaymentMetrics metrics,
            PaymentsConfig config, Clock clock) {
        this.network = network;
        this.users = users;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Limits reserved the amount of a PENDING payment. */
    public Uni<Void> limitReserved(Payment payment) {
        String reference = payment.id().toString();
        return users.findById(payment.payerId()).chain(payer -> {
            String payerCard = payer == null ? null : payer.cardToken();
            if (payerCard == null) {
                return record(payment, payment.fail(PAYER_CARD_MISSING, clock.instant()));
            }
            return call("authorize", network.authorize(reference, payerCard, payment.amount())).chain(hold -> {
                if (!hold.isApproved()) {
                    return call("void", network.voidHold(reference))
                            .chain(() -> record(payment, payment.fail(hold.reason(), clock.instant())));
                }
                // the payee's row is locked: an activation being processed waits, then sees this payment waiting
                return users.lockOrCreate(payment.payeeId(), clock.instant()).chain(payee -> payee.canReceive()
                        ? payOut(payment, payee)
                        : record(payment, payment.awaitPayee(clock.instant().plus(config.payeeWait()),
                                clock.instant())));
            });
        });
    }

    /** The payer's card is held and the payee can receive: capture and push, compensating on failure. */
    public Uni<Void> payOut(Payment payment, PaymentUser payee) {
        String reference = payment.id().toString();
        Money amount = payment.amount();
        return call("capture", network.capture(reference)).chain(capture -> {
            if (!capture.isApproved()) {
                return call("void", network.voidHold(reference))
                        .chain(() -> record(payment, payment.fail(capture.reason(), clock.instant())));
            }
            return call("push", network.pushToCard(reference, payee.cardToken(), amount)).chain(push -> {
                if (!push.isApproved()) {
                    return call("reverse", network.reverse(reference)).invoke(reversal -> {
                        if (!reversal.isApproved()) {
                            LOG.errorf("payment %s: payout failed and the capture could not be reversed (%s)",
                                    payment.id(), reversal.reason());
                        }
                    }).chain(() -> record(payment, payment.fail(CardResult.PAYOUT_FAILED, clock.instant())));
                }
                return record(payment, payment.complete(clock.instant()));
            });
        });
    }

    /** The payee did not activate in time: release the hold. */
    public Uni<Void> expire(Payment payment) {
        return call("void", network.voidHold(payment.id().toString()))
                .chain(() -> record(payment, payment.expire(clock.instant())));
    }

    /** The payer cancelled while the payment waited for the payee: release the hold. */
    public Uni<Void> cancel(Payment payment) {
        return call("void", network.voidHold(payment.id().toString()))
                .chain(() -> record(payment, payment.cancel(clock.instant())));
    }

    /** The payee declined the payment waiting for them: release the hold. */
    public Uni<Void> decline(Payment payment) {
        return call("void", network.voidHold(payment.id().toString()))
                .chain(() -> record(payment, payment.decline(clock.instant())));
    }

    private Uni<Void> record(Payment payment, Record event) {
        return outbox.publish(event, payment.payerId())
                .invoke(() -> metrics.payment(payment.status(), payment.reason()))
                .replaceWithVoid();
    }

    private Uni<CardResult> call(String operation, Uni<CardResult> call) {
        return call.invoke(result -> metrics.cardNetworkCall(operation, result.outcome().name().toLowerCase()))
                .onFailure().invoke(() -> metrics.cardNetworkCall(operation, "error"));
    }
}
