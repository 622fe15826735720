package com.chatpay.payment.cardnetwork;

import com.chatpay.common.cardnetwork.SimulatedCards;
import com.chatpay.common.cardnetwork.SimulatedCards.Behaviour;
import com.chatpay.common.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The default {@link CardNetwork} adapter: an in-memory card network with latency, a random failure rate and the
 * scripted behaviour the test cards' network tokens carry ({@link SimulatedCards#behaviourOfToken}):
 * INSUFFICIENT_FUNDS and ISSUER_DECLINE cards are declined at authorize, TIMEOUT cards never answer an authorize
 * (the call times out), PAYOUT_FAILS cards refuse pushes. It keeps the holds it granted: capture needs a hold, a
 * voided hold cannot be captured, and every call is idempotent by reference. Delays run on Vert.x timers of the
 * caller's context, so a caller inside a reactive transaction stays on its event loop.
 */
public class SimulatedCardNetwork implements CardNetwork {

    /** Where the money of one reference stands on the simulated network. */
    public enum HoldState { HELD, CAPTURED, VOIDED, REVERSED }

    private final Vertx vertx;
    private final CardNetworkConfig config;
    private final DoubleSupplier random;
    private final Map<String, HoldState> holds = new ConcurrentHashMap<>();
    private final Map<String, CardResult> answers = new ConcurrentHashMap<>();

    public SimulatedCardNetwork(Vertx vertx, CardNetworkConfig config, DoubleSupplier random) {
        this.vertx = vertx;
        this.config = config;
        this.random = random;
    }

    @Override
    public Uni<CardResult> authorize(String reference, String cardToken, Money amount) {
        Behaviour behaviour = SimulatedCards.behaviourOfToken(cardToken);
        if (behaviour == Behaviour.TIMEOUT) {
            return after(config.timeout(), CardResult::timedOut);
        }
        return answer("authorize", reference, () -> {
            if (behaviour == Behaviour.INSUFFICIENT_FUNDS) {
                return CardResult.declined(CardResult.INSUFFICIENT_FUNDS);
            }
            if (behaviour == Behaviour.ISSUER_DECLINE || behaviour == Behaviour.DECLINE_VERIFICATION) {
                return CardResult.declined(CardResult.CARD_DECLINED);
            }
            if (randomFailure()) {
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
            if (randomFailure()) {
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
            if (randomFailure()) {
                return CardResult.declined(CardResult.CARD_NETWORK_ERROR);
            }
            return CardResult.approved();
        });
    }

    @Override
    public Uni<CardResult> voidHold(String reference) {
        return answer("void", reference, () -> {
            if (holds.get(reference) == HoldState.CAPTURED) {
                return CardResult.declined(CardResult.CARD_DECLINED);
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
            holds.put(reference, HoldState.REVERSED);
            return CardResult.approved();
        });
    }

    /** Whether the reference holds money on a card right now (for tests and diagnostics). */
    public boolean isHeld(String reference) {
        return holds.get(reference) == HoldState.HELD;
    }

    /** Where the reference's money stands; empty if no hold was ever granted. */
    public Optional<HoldState> holdState(String reference) {
        return Optional.ofNullable(holds.get(reference));
    }

    /** The first answer to an (operation, reference) is the answer forever: retries are safe. */
    private Uni<CardResult> answer(String operation, String reference, Supplier<CardResult> decide) {
        return after(config.latency(), () -> answers.computeIfAbsent(operation + ":" + reference, k -> decide.get()));
    }

    private boolean randomFailure() {
        return config.failureRate() > 0 && random.getAsDouble() < config.failureRate();
    }

    private Uni<CardResult> after(Duration delay, Supplier<CardResult> result) {
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
