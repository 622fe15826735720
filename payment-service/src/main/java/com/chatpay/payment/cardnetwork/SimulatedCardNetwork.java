package com.chatpay.payment.cardnetwork;

import com.chatpay.common.cardnetwork.SimulatedCards;
import com.chatpay.common.cardnetwork.SimulatedCards.Behaviour;
import com.chatpay.common.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The default {@link CardNetwork} adapter: an in-memory card network with latency, a random failure rate and the
 * scripted behaviour the test cards' network tokens carry ({@link SimulatedCards#behaviourOfToken}). Authorize,
 * capture, push, void and reverse fail at the random rate (or only the operations it is narrowed to);
 * INSUFFICIENT_FUNDS and ISSUER_DECLINE cards are declined at authorize; TIMEOUT cards are authorized but the answer
 * is lost (the call times out, and only {@link #status} tells the hold was granted); PAYOUT_FAILS cards refuse
 * pushes. It keeps the holds it granted: capture needs a hold, a voided hold cannot be captured, and every call is
 * idempotent by reference. Delays run on Vert.x timers of the caller's context, so a caller inside a reactive
 * transaction stays on its event loop. A payout can be reversed (the payee's card debited back) once, and a
 * captured charge refunded once.
 */
public class SimulatedCardNetwork implements CardNetwork {

    /** Where the money of one reference stands on the simulated network. */
    public enum HoldState { HELD, CAPTURED, VOIDED, REVERSED, REFUNDED }

    /** Where a payout of one reference stands. */
    public enum PayoutState { PAID_OUT, REVERSED }

    private final Vertx vertx;
    private final CardNetworkConfig config;
    private final DoubleSupplier random;
    private final Map<String, HoldState> holds = new ConcurrentHashMap<>();
    private final Map<String, PayoutState> payouts = new ConcurrentHashMap<>();
    private final Map<String, CardResult> answers = new ConcurrentHashMap<>();
    private volatile double failureRate;
    private volatile Set<String> failingOperations = Set.of();
    private volatile Duration latency;

    public SimulatedCardNetwork(Vertx vertx, CardNetworkConfig config, DoubleSupplier random) {
        this.vertx = vertx;
        this.config = config;
        this.random = random;
        this.failureRate = config.failureRate();
        this.latency = config.latency();
    }

    /** Changes how long each call takes at run time, e.g. to rehearse a slow network. */
    public void latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a latency is not negative");
        }
        this.latency = value;
    }

    /** Changes the random failure rate at run time (0..1), e.g. to rehearse an outage of the network. */
    public void failureRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a failure rate is between 0 and 1");
        }
        this.failureRate = rate;
        this.failingOperations = Set.of();
    }

    /**
     * Changes the random failure rate at run time for some operations only ({@code authorize}, {@code capture},
     * {@code push}, {@code void}, {@code reverse}), the others answering normally: e.g. a network that takes payments
     * but whose reversals are failing.
     */
    public void failureRate(double rate, Set<String> operations) {
        failureRate(rate);
        this.failingOperations = Set.copyOf(operations);
    }

    @Override
    public Uni<CardResult> authorize(String reference, String cardToken, Money amount) {
        Behaviour behaviour = SimulatedCards.behaviourOfToken(cardToken);
        if (behaviour == Behaviour.TIMEOUT) {
            return after(config.timeout(), () -> {
                holds.putIfAbsent(reference, HoldState.HELD);
                return CardResult.timedOut();
            });
        }
        return answer("authorize", reference, () -> {
            if (behaviour == Behaviour.INSUFFICIENT_FUNDS) {
                return CardResult.declined(CardResult.INSUFFICIENT_FUNDS);
            }
            if (behaviour == Behaviour.ISSUER_DECLINE || behaviour == Behaviour.DECLINE_VERIFICATION) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure("authorize")) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            holds.put(reference, HoldState.HELD);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> capture(String reference) {
        return answer("capture", reference, () -> {
            if (holds.get(reference) != HoldState.HELD) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            if (randomFailure("capture")) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            holds.put(reference, HoldState.CAPTURED);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> pushToCard(String reference, String cardToken, Money amount) {
        return answer("push", reference, () -> {
            if (SimulatedCards.behaviourOfToken(cardToken) == Behaviour.PAYOUT_FAILS) {
                return CardResult.declined(CardResult.PAYOUT_FAILED);
            }
            if (randomFailure("push")) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            payouts.put(reference, PayoutState.PAID_OUT);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> voidHold(String reference) {
        return answer("void", reference, () -> {
            if (holds.get(reference) == HoldState.CAPTURED) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure("void")) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            holds.computeIfPresent(reference, (k, v) -> HoldState.VOIDED);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> reverse(String reference) {
        return answer("reverse", reference, () -> {
            if (holds.get(reference) != HoldState.CAPTURED) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            if (randomFailure("reverse")) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            holds.put(reference, HoldState.REVERSED);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> reversePayout(String reference) {
        return answer("reverse-payout", reference, () -> {
            if (payouts.get(reference) != PayoutState.PAID_OUT) {
                return CardResult.declined(CardResult.NO_PAYOUT);
            }
            payouts.put(reference, PayoutState.REVERSED);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> refund(String reference, Money amount) {
        return answer("refund", reference, () -> {
            if (holds.get(reference) != HoldState.CAPTURED) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            holds.put(reference, HoldState.REFUNDED);
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardStatus> status(String reference) {
        return after(latency, () -> {
            HoldState hold = holds.get(reference);
            PayoutState payout = payouts.get(reference);
            return new CardStatus(hold == null ? CardStatus.Authorization.NONE : CardStatus.Authorization.valueOf(
                    hold.name()), payout == null ? CardStatus.Payout.NONE : CardStatus.Payout.valueOf(payout.name()));
        });
    }

    /** Where the reference's payout stands; empty if none was pushed. */
    public Optional<PayoutState> payoutState(String reference) {
        return Optional.ofNullable(payouts.get(reference));
    }

    /** Whether the reference holds money on a card right now (for tests and diagnostics). */
    public boolean isHeld(String reference) {
        return holds.get(reference) == HoldState.HELD;
    }

    /** Where the reference's money stands; empty if no hold was ever granted. */
    public Optional<HoldState> holdState(String reference) {
        return Optional.ofNullable(holds.get(reference));
    }

    /**
     * The first answer to an (operation, reference) is the answer forever: retries are safe. A transient network
     * error is not an answer (the request was not processed), so the same call made again is decided afresh.
     */
    private Uni<CardResult> answer(String operation, String reference, Supplier<CardResult> decide) {
        String key = operation + ":" + reference;
        return after(latency, () -> {
            synchronized (answers) {
                CardResult earlier = answers.get(key);
                if (earlier != null) {
                    return earlier;
                }
                CardResult decided = decide.get();
                if (!decided.isTransientError()) {
                    answers.put(key, decided);
                }
                return decided;
            }
        });
    }

    private boolean randomFailure(String operation) {
        double rate = failureRate;
        Set<String> operations = failingOperations;
        return rate > 0 && (operations.isEmpty() || operations.contains(operation)) && random.getAsDouble() < rate;
    }

    private <T> Uni<T> after(Duration delay, Supplier<T> result) {
        long millis = delay.toMillis();
        if (millis <= 0) {
            return Uni.createFrom().item(result);
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> {
            try {
                emitter.complete(result.get());
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
