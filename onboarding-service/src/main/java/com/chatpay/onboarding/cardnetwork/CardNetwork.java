package com.chatpay.onboarding.cardnetwork;

import io.smallrye.mutiny.Uni;
import java.time.YearMonth;

/**
 * The card network, as onboarding needs it: verify a card (a zero-amount account verification with the CVC) and
 * obtain its network token. The default adapter is {@link SimulatedCardNetwork}.
 */
public interface CardNetwork {

    Uni<CardVerification> verify(String pan, YearMonth expiry, String cvc);

    /** The network's answer: approved with a token, or declined with a reason code. */
    record CardVerification(boolean approved, String token, String declineReason) {

        public static CardVerification approved(String token) {
            return new CardVerification(true, token, null);
        }

        public static CardVerification declined(String reason) {
            return new CardVerification(false, null, reason);
        }
    }
}
