package com.chatpay.common.cardnetwork;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card-network simulator's documented test cards, shared by the simulators of onboarding-service (verification,
 * tokenisation) and payment-service (authorise, capture, push, void, refund). Like a real network's test mode, the
 * network token it issues for a card carries the card's scripted behaviour, so a payment-side simulator knows how
 * the card behaves without ever seeing the PAN. Any other valid card number behaves as {@link Behaviour#APPROVE}.
 *
 * <table>
 *   <caption>Test cards</caption>
 *   <tr><th>number</th><th>behaviour</th></tr>
 *   <tr><td>4111 1111 1111 1111, 5555 5555 5555 4444</td><td>approves everything</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined at verification (card cannot be registered)</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>payments fail: insufficient funds</td></tr>
 *   <tr><td>4000 0000 0000 0069</td><td>payments fail: card declined by the issuer</td></tr>
 *   <tr><td>4000 0000 0000 0119</td><td>payment authorisations time out (outcome unknown until queried)</td></tr>
 *   <tr><td>4000 0566 5566 5556</td><td>approves charges, but pushing money to this card (payout) fails</td></tr>
 *   <tr><td>4000 0000 0000 0341</td><td>approves charges, but the issuer refuses to give a captured charge back
 *   (reversal or refund): the money stays with the other side until someone reconciles it</td></tr>
 * </table>
 */
public final class SimulatedCards {

    /** What a simulated card does. */
    public enum Behaviour {
        APPROVE("ok"),
        DECLINE_VERIFICATION("dv"),
        INSUFFICIENT_FUNDS("nsf"),
        ISSUER_DECLINE("dcl"),
        TIMEOUT("tmo"),
        PAYOUT_FAILS("pof"),
        CHARGES_FINAL("fin");

        private final String tag;

        Behaviour(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private static final Map<String, Behaviour> CARDS = Map.of(
            "4000000000000002", Behaviour.DECLINE_VERIFICATION,
            "4000000000009995", Behaviour.INSUFFICIENT_FUNDS,
            "4000000000000069", Behaviour.ISSUER_DECLINE,
            "4000000000000119", Behaviour.TIMEOUT,
            "4000056655665556", Behaviour.PAYOUT_FAILS,
            "4000000000000341", Behaviour.CHARGES_FINAL);

    private static final String PREFIX = "tok_sim_";

    private SimulatedCards() {
    }

    public static Behaviour behaviourOf(String pan) {
        return CARDS.getOrDefault(pan, Behaviour.APPROVE);
    }

    /**
     * The network token of a card: {@code tok_sim_<behaviour>_<keyed hash>}. Stable for one card and one network
     * key, meaningless without the key; never reversible to the PAN.
     */
    public static String tokenFor(String pan, byte[] networkKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(networkKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(pan.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + behaviourOf(pan).tag() + "_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The behaviour a token was issued for; tokens of other networks behave as {@link Behaviour#APPROVE}. */
    public static Behaviour behaviourOfToken(String token) {
        if (token != null && token.startsWith(PREFIX)) {
            int end = token.indexOf('_', PREFIX.length());
            String tag = end < 0 ? "" : token.substring(PREFIX.length(), end);
            for (Behaviour b : Behaviour.values()) {
                if (b.tag().equals(tag)) {
                    return b;
                }
            }
        }
        return Behaviour.APPROVE;
    }
}
