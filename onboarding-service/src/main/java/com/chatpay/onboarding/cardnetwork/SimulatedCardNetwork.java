package com.chatpay.onboarding.cardnetwork;

import com.chatpay.common.cardnetwork.SimulatedCards;
import com.chatpay.onboarding.crypto.Secrets;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;

/**
 * The default {@link CardNetwork}: answers after a configurable latency, declines the documented test card that
 * fails verification ({@link SimulatedCards.Behaviour#DECLINE_VERIFICATION}) and approves every other card with the
 * simulator's token ({@link SimulatedCards#tokenFor}), which carries the card's scripted behaviour for
 * payment-service's simulator.
 */
@ApplicationScoped
public class SimulatedCardNetwork implements CardNetwork {

    /** The decline reason of a card the issuer refuses to verify. */
    public static final String VERIFICATION_DECLINED = "VERIFICATION_DECLINED";

    private final Vertx vertx;
    private final long latencyMillis;
    private final byte[] networkKey;

    public SimulatedCardNetwork(Vertx vertx, CardNetworkSimulatorConfig config) {
        this.vertx = vertx;
        this.latencyMillis = config.latency().toMillis();
        this.networkKey = Secrets.base64Key(config.networkKey(), "chatpay.card-network.simulator.network-key");
    }

    @Override
    public Uni<CardVerification> verify(String pan, YearMonth expiry, String cvc) {
        CardVerification answer = SimulatedCards.behaviourOf(pan) == SimulatedCards.Behaviour.DECLINE_VERIFICATION
                ? CardVerification.declined(VERIFICATION_DECLINED)
                : CardVerification.approved(SimulatedCards.tokenFor(pan, networkKey));
        if (latencyMillis <= 0) {
            return Uni.createFrom().item(answer);
        }
        // a Vert.x timer answers on the caller's context, where the reactive session lives
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(latencyMillis, id -> emitter.complete(answer)));
    }
}
