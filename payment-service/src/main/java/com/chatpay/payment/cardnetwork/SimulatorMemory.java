package com.chatpay.payment.cardnetwork;

import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.HoldState;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.PayoutState;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the card-network simulator remembers of each reference, and where: in the process
 * ({@link InMemorySimulatorMemory}, the default: one replica, and forgotten at a restart) or in a table every replica
 * shares ({@link DatabaseSimulatorMemory}: several replicas ask one network, as they would a real one). A bounded
 * window either way: the oldest references beyond it are forgotten and answer as never seen.
 */
public interface SimulatorMemory {

    /**
     * Applies {@code change} to the reference's record (created on first sight), with no other change of the same
     * reference in between, keeps what it changed, and answers what it returned.
     */
    <T> Uni<T> change(String reference, Function<Reference, T> change);

    /** A copy of the reference's record; empty if never seen or forgotten. */
    Uni<Optional<Reference>> read(String reference);

    /** What the network remembers of one reference: where its money stands and its first answer to each call. */
    final class Reference {
        HoldState hold;
        PayoutState payout;
        /** The charged card's issuer refuses to give the charge back (a CHARGES_FINAL test card). */
        boolean chargeFinal;
        final CardResult[] answers = new CardResult[SimulatedCardNetwork.Operation.values().length];

        Reference copy() {
            Reference copy = new Reference();
            copy.hold = hold;
            copy.payout = payout;
            copy.chargeFinal = chargeFinal;
            System.arraycopy(answers, 0, copy.answers, 0, answers.length);
            return copy;
        }
    }
}
