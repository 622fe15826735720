package com.chatpay.payment.cardnetwork;

import com.chatpay.common.cardnetwork.SimulatedCards;
import com.chatpay.common.cardnetwork.SimulatedCards.Behaviour;
import com.chatpay.common.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * {@link CardNetworkConfig#rememberedReferences} references (about 250 bytes each) and forgets the oldest beyond that,
 * which then answer as never seen (no hold, no payout). Unbounded, it kept about 0.6 KB per payment forever and ran a
 * service under load out of its heap within hours.
 */
public class SimulatedCardNetwork implements CardNetwork {

    /** Where the money of one reference stands on the simulated network. */
    public enum HoldState { HELD, CAPTURED, VOIDED, REVERSED, REFUNDED }

    /** Where a payout of one reference stands. */
    public enum PayoutState { PAID_OUT, REVERSED }

    private final Vertx vertx;
    private final CardNetworkConfig config;
    private final DoubleSupplier random;
    /** Every reference the network remembers, oldest first; guarded by itself. */
    private final LinkedHashMap<String, Reference> references;
    private volatile double failureRate;
    private volatile Set<String> failingOperations = Set.of();
    private volatile Duration latency;

    public SimulatedCardNetwork(Vertx vertx, CardNetworkConfig config, DoubleSupplier random) {
        this.vertx = vertx;
        this.config = config;
        this.random = random;
        this.failureRate = config.failureRate();
        this.latency = config.latency();
        int remembered = config.rememberedReferences();
        if (remembered < 1) {
            throw new IllegalArgumentException("the card network remembers at least one reference");
        }
        this.references = new LinkedHashMap<>(1024) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reference> eldest) {
                return size() > remembered;
            }
        };
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
                synchronized (references) {
                    Reference known = remember(reference);
                    if (known.hold == null) {
                        known.hold = HoldState.HELD;
                    }
                }
                return CardResult.timedOut();
            });
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
        return after(latency, () -> {
            HoldState hold;
            PayoutState payout;
            synchronized (references) { // one snapshot of both
                Reference known = references.get(reference);
                hold = known == null ? null : known.hold;
                payout = known == null ? null : known.payout;
            }
            return new CardStatus(hold == null ? CardStatus.Authorization.NONE : CardStatus.Authorization.valueOf(
                    hold.name()), payout == null ? CardStatus.Payout.NONE : CardStatus.Payout.valueOf(payout.name()));
        });
    }

    /** Where the reference's payout stands; empty if none was pushed. */
    public Optional<PayoutState> payoutState(String reference) {
        synchronized (references) {
            Reference known = references.get(reference);
            return Optional.ofNullable(known == null ? null : known.payout);
        }
    }

    /** Whether the reference holds money on a card right now (for tests and diagnostics). */
    public boolean isHeld(String reference) {
        return holdState(reference).orElse(null) == HoldState.HELD;
    }

    /** Where the reference's money stands; empty if no hold was ever granted. */
    public Optional<HoldState> holdState(String reference) {
        synchronized (references) {
            Reference known = references.get(reference);
            return Optional.ofNullable(known == null ? null : known.hold);
        }
    }

    /** How many references the network remembers now (at most {@link CardNetworkConfig#rememberedReferences}). */
    public int rememberedReferences() {
        synchronized (references) {
            return references.size();
        }
    }

    /**
     * The first answer to an (operation, reference) is the answer forever: retries are safe. A transient network
     * error is not an answer (the request was not processed), so the same call made again is decided afresh.
     */
    private Uni<CardResult> answer(Operation operation, String reference, Function<Reference, CardResult> decide) {
        return after(latency, () -> {
            synchronized (references) {
                Reference known = remember(reference);
                CardResult earlier = known.answers[operation.ordinal()];
                if (earlier != null) {
                    return earlier;
                }
                CardResult decided = decide.apply(known);
                if (!decided.isTransientError()) {
                    known.answers[operation.ordinal()] = decided;
                }
                return decided;
            }
        });
    }

    /** The reference's record, created on first sight; the caller holds the lock on {@link #references}. */
    private Reference remember(String reference) {
        return references.computeIfAbsent(reference, r -> new Reference());
    }

    private boolean randomFailure(Operation operation) {
        double rate = failureRate;
        Set<String> operations = failingOperations;
        return rate > 0 && (operations.isEmpty() || operations.contains(operation.label))
                && random.getAsDouble() < rate;
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

    /** The calls the network answers, by the names {@link #failureRate(double, Set)} takes. */
    private enum Operation {
        AUTHORIZE("authorize"), CAPTURE("capture"), PUSH("push"), VOID("void"), REVERSE("reverse"),
        REVERSE_PAYOUT("reverse-payout"), REFUND("refund");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** What the network remembers of one reference: where its money stands and its first answer to each call. */
    private static final class Reference {
        HoldState hold;
        PayoutState payout;
        /** The charged card's issuer refuses to give the charge back (a CHARGES_FINAL test card). */
        boolean chargeFinal;
        final CardResult[] answers = new CardResult[Operation.values().length];
    }
}
