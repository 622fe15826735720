package com.chatpay.payment.cardnetwork;

import com.chatpay.common.cardnetwork.SimulatedCards;
import com.chatpay.common.cardnetwork.SimulatedCards.Behaviour;
import com.chatpay.common.money.Money;
import com.chatpay.payment.cardnetwork.SimulatorMemory.Reference;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The default {@link CardNetwork} adapter: an in-memory card network with latency, a random failure rate and the
 * scripted behaviour the test cards' network tokens carry ({@link SimulatedCards#behaviourOfToken}). Authorize,
 * capture, push, void and reverse fail at the random rate (or only the operations it is narrowed to);
 * INSUFFICIENT_FUNDS and ISSUER_DECLINE cards are declined at authorize; TIMEOUT cards are authorized but the answer
 * is lost (the call times out, and only {@link #status} tells the hold was granted); PAYOUT_FAILS cards refuse
 * pushes; CHARGES_FINAL cards are charged normally, but their issuer refuses to reverse or refund the charge. It
 * keeps the holds it granted: capture needs a hold, a voided hold cannot be captured, and every call is idempotent by
 * reference. Delays run on Vert.x timers of the caller's context, so a caller inside a reactive
 * transaction stays on its event loop. A payout can be reversed (the payee's card debited back) once, and a
 * captured charge refunded once.
 *
 * Like a network's idempotency window, its memory is bounded: it remembers the latest
 * {@link CardNetworkConfig#rememberedReferences} references and forgets the oldest beyond that, which then answer as
 * never seen (no hold, no payout). Where it remembers them is its {@link SimulatorMemory}: in the process by default,
 * or in a table the replicas share ({@link CardNetworkConfig#simulatorStore}).
 */
public class SimulatedCardNetwork implements CardNetwork {

    /** Where the money of one reference stands on the simulated network. */
    public enum HoldState { HELD, CAPTURED, VOIDED, REVERSED, REFUNDED }

    /** Where a payout of one reference stands. */
    public enum PayoutState { PAID_OUT, REVERSED }

    /** How long the diagnostics ({@link #holdState}, {@link #payoutState}) wait for the memory. */
    private static final Duration DIAGNOSTIC_WAIT = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final CardNetworkConfig config;
    private final DoubleSupplier random;
    private final SimulatorMemory memory;
    private volatile double failureRate;
    private volatile Set<String> failingOperations = Set.of();
    private volatile Duration latency;

    /** A simulator that remembers in the process. */
    public SimulatedCardNetwork(Vertx vertx, CardNetworkConfig config, DoubleSupplier random) {
        this(vertx, config, random, new InMemorySimulatorMemory(config.rememberedReferences()));
    }

    public SimulatedCardNetwork(Vertx vertx, CardNetworkConfig config, DoubleSupplier random, SimulatorMemory memory) {
        this.vertx = vertx;
        this.config = config;
        this.random = random;
        this.memory = memory;
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
            return after(config.timeout()).chain(() -> memory.change(reference, known -> {
                if (known.hold == null) {
                    known.hold = HoldState.HELD;
                }
                return CardResult.timedOut();
            }));
        }
        return answer(Operation.AUTHORIZE, reference, known -> {
            if (behaviour == Behaviour.INSUFFICIENT_FUNDS) {
                return CardResult.declined(CardResult.INSUFFICIENT_FUNDS);
            }
            if (behaviour == Behaviour.ISSUER_DECLINE || behaviour == Behaviour.DECLINE_VERIFICATION) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure(Operation.AUTHORIZE)) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            known.hold = HoldState.HELD;
            known.chargeFinal = behaviour == Behaviour.CHARGES_FINAL;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> capture(String reference) {
        return answer(Operation.CAPTURE, reference, known -> {
            if (known.hold != HoldState.HELD) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            if (randomFailure(Operation.CAPTURE)) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            known.hold = HoldState.CAPTURED;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> pushToCard(String reference, String cardToken, Money amount) {
        return answer(Operation.PUSH, reference, known -> {
            if (SimulatedCards.behaviourOfToken(cardToken) == Behaviour.PAYOUT_FAILS) {
                return CardResult.declined(CardResult.PAYOUT_FAILED);
            }
            if (randomFailure(Operation.PUSH)) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            known.payout = PayoutState.PAID_OUT;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> voidHold(String reference) {
        return answer(Operation.VOID, reference, known -> {
            if (known.hold == HoldState.CAPTURED) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure(Operation.VOID)) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            if (known.hold != null) {
                known.hold = HoldState.VOIDED;
            }
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> reverse(String reference) {
        return answer(Operation.REVERSE, reference, known -> {
            if (known.hold != HoldState.CAPTURED) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            if (known.chargeFinal) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure(Operation.REVERSE)) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            known.hold = HoldState.REVERSED;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> reversePayout(String reference) {
        return answer(Operation.REVERSE_PAYOUT, reference, known -> {
            if (known.payout != PayoutState.PAID_OUT) {
                return CardResult.declined(CardResult.NO_PAYOUT);
            }
            known.payout = PayoutState.REVERSED;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> refund(String reference, Money amount) {
        return answer(Operation.REFUND, reference, known -> {
            if (known.hold != HoldState.CAPTURED) {
                return CardResult.declined(CardResult.NO_HOLD);
            }
            if (known.chargeFinal) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            known.hold = HoldState.REFUNDED;
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardStatus> status(String reference) {
        return after(latency).chain(() -> memory.read(reference)).map(found -> {
            HoldState hold = found.map(known -> known.hold).orElse(null);
            PayoutState payout = found.map(known -> known.payout).orElse(null);
            return new CardStatus(hold == null ? CardStatus.Authorization.NONE : CardStatus.Authorization.valueOf(
                    hold.name()), payout == null ? CardStatus.Payout.NONE : CardStatus.Payout.valueOf(payout.name()));
        });
    }

    /** Where the reference's payout stands; empty if none was pushed. For tests and diagnostics: it waits. */
    public Optional<PayoutState> payoutState(String reference) {
        return memory.read(reference).await().atMost(DIAGNOSTIC_WAIT).map(known -> known.payout);
    }

    /** Whether the reference holds money on a card right now (for tests and diagnostics). */
    public boolean isHeld(String reference) {
        return holdState(reference).orElse(null) == HoldState.HELD;
    }

    /** Where the reference's money stands; empty if no hold was ever granted. For tests and diagnostics: it waits. */
    public Optional<HoldState> holdState(String reference) {
        return memory.read(reference).await().atMost(DIAGNOSTIC_WAIT).map(known -> known.hold);
    }

    /**
     * The first answer to an (operation, reference) is the answer forever: retries are safe. A transient network
     * error is not an answer (the request was not processed), so the same call made again is decided afresh.
     */
    private Uni<CardResult> answer(Operation operation, String reference, Function<Reference, CardResult> decide) {
        return after(latency).chain(() -> memory.change(reference, known -> {
            CardResult earlier = known.answers[operation.ordinal()];
            if (earlier != null) {
                return earlier;
            }
            CardResult decided = decide.apply(known);
            if (!decided.isTransientError()) {
                known.answers[operation.ordinal()] = decided;
            }
            return decided;
        }));
    }

    private boolean randomFailure(Operation operation) {
        double rate = failureRate;
        Set<String> operations = failingOperations;
        return rate > 0 && (operations.isEmpty() || operations.contains(operation.label))
                && random.getAsDouble() < rate;
    }

    private Uni<Void> after(Duration delay) {
        long millis = delay.toMillis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(millis, id -> emitter.complete(null)));
    }

    /** The calls the network answers, by the names {@link #failureRate(double, Set)} takes. */
    enum Operation {
        AUTHORIZE("authorize"), CAPTURE("capture"), PUSH("push"), VOID("void"), REVERSE("reverse"),
        REVERSE_PAYOUT("reverse-payout"), REFUND("refund");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }
}
