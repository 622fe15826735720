package com.chatpay.notification.feed;

import com.chatpay.common.money.Money;
import com.chatpay.notification.text.AmountFormat;
import com.chatpay.notification.text.Lang;
import com.chatpay.notification.users.Person;
import java.util.EnumMap;
import java.util.Map;

/**
 * The texts of payment notifications in French and English. Placeholders: {@code {amount}}, the other party's first
 * name {@code {payer}} / {@code {payee}} ({@code {Payer}} / {@code {Payee}} at the start of a sentence) and
 * {@code {reason}}. An unknown name falls back to a neutral wording: "votre contact" / "your contact" for the payee,
 * "un contact" / "a contact" for the payer. French texts avoid elision before a name ("de Alice") by construction.
 */
public final class NotificationTexts {

    private static final Map<NotificationKind, String> FR = new EnumMap<>(Map.of(
            NotificationKind.PAYMENT_SENT, "Vous avez envoyé {amount} à {payee}",
            NotificationKind.PAYMENT_RECEIVED, "{Payer} vous a envoyé {amount} 🎉",
            NotificationKind.MONEY_WAITING, "{Payer} vous a envoyé {amount}. Ajoutez une carte pour les recevoir.",
            NotificationKind.PAYMENT_AWAITING_PAYEE,
            "Votre paiement de {amount} à {payee} est en attente : {payee} doit ajouter une carte pour le recevoir.",
            NotificationKind.PAYMENT_REJECTED, "Votre paiement de {amount} à {payee} a été refusé{reason}.",
            NotificationKind.PAYMENT_FAILED,
            "Votre paiement de {amount} à {payee} n'a pas abouti{reason}. Aucun montant n'a été débité.",
            NotificationKind.PAYMENT_EXPIRED, "Votre paiement de {amount} à {payee} a expiré : aucun montant n'a été débité.",
            NotificationKind.PAYMENT_CANCELLED, "Vous avez annulé votre paiement de {amount} à {payee}.",
            NotificationKind.PAYMENT_DECLINED, "{Payee} a refusé votre paiement de {amount} : aucun montant n'a été débité.",
            NotificationKind.PAYMENT_REFUNDED, "Votre paiement de {amount} à {payee} vous a été remboursé."));

    private static final Map<NotificationKind, String> EN = new EnumMap<>(Map.of(
            NotificationKind.PAYMENT_SENT, "You sent {amount} to {payee}",
            NotificationKind.PAYMENT_RECEIVED, "{Payer} sent you {amount} 🎉",
            NotificationKind.MONEY_WAITING, "{Payer} sent you {amount}. Add a card to receive it.",
            NotificationKind.PAYMENT_AWAITING_PAYEE,
            "Your {amount} payment to {payee} is waiting: {payee} needs to add a card to receive it.",
            NotificationKind.PAYMENT_REJECTED, "Your {amount} payment to {payee} was refused{reason}.",
            NotificationKind.PAYMENT_FAILED, "Your {amount} payment to {payee} did not go through{reason}. You were not charged.",
            NotificationKind.PAYMENT_EXPIRED, "Your {amount} payment to {payee} expired: you were not charged.",
            NotificationKind.PAYMENT_CANCELLED, "You cancelled your {amount} payment to {payee}.",
            NotificationKind.PAYMENT_DECLINED, "{Payee} declined your {amount} payment: you were not charged.",
            NotificationKind.PAYMENT_REFUNDED, "Your {amount} payment to {payee} was refunded to you."));

    /** Texts the payee reads where the payer reads the kind's text above. */
    private static final Map<NotificationKind, String> FR_PAYEE_SIDE = Map.of(
            NotificationKind.PAYMENT_EXPIRED, "Le paiement de {amount} envoyé par {payer} a expiré.",
            NotificationKind.PAYMENT_CANCELLED, "{Payer} a annulé son paiement de {amount}.",
            NotificationKind.PAYMENT_DECLINED, "Vous avez refusé le paiement de {amount} envoyé par {payer}.",
            NotificationKind.PAYMENT_REFUNDED, "Le paiement de {amount} envoyé par {payer} a été remboursé.");

    private static final Map<NotificationKind, String> EN_PAYEE_SIDE = Map.of(
            NotificationKind.PAYMENT_EXPIRED, "The {amount} payment from {payer} expired.",
            NotificationKind.PAYMENT_CANCELLED, "{Payer} cancelled their {amount} payment.",
            NotificationKind.PAYMENT_DECLINED, "You declined the {amount} payment from {payer}.",
            NotificationKind.PAYMENT_REFUNDED, "The {amount} payment from {payer} was refunded.");

    private NotificationTexts() {
    }

    /** Which side of the payment reads the text. */
    public enum Side { PAYER, PAYEE }

    /**
     * The text {@code reader} reads about a payment of {@code amount} from {@code payer} to {@code payee};
     * {@code reason} is an already rendered clause (see {@link #reasonClause}) or empty.
     */
    public static String render(NotificationKind kind, Side side, Lang lang, Money amount, Person payer, Person payee,
            String reason) {
        String pattern = side == Side.PAYEE && (lang == Lang.FR ? FR_PAYEE_SIDE : EN_PAYEE_SIDE).containsKey(kind)
                ? (lang == Lang.FR ? FR_PAYEE_SIDE : EN_PAYEE_SIDE).get(kind)
                : (lang == Lang.FR ? FR : EN).get(kind);
        String payeeName = payee.hasName() ? payee.firstName() : (lang == Lang.FR ? "votre contact" : "your contact");
        String payerName = payer.hasName() ? payer.firstName() : (lang == Lang.FR ? "un contact" : "a contact");
        return pattern
                .replace("{amount}", AmountFormat.format(amount, lang))
                .replace("{Payee}", capitalize(payeeName))
                .replace("{payee}", payeeName)
                .replace("{Payer}", capitalize(payerName))
                .replace("{payer}", payerName)
                .replace("{reason}", reason == null ? "" : reason);
    }

    /**
     * Why a payment was rejected, as a clause appended to the rejection text ({@code " : il dépasse …"} /
     * {@code ": it is over …"}); empty for a reason code without a human text.
     */
    public static String rejectionClause(Lang lang, String reason, Money remaining) {
        String remainingText = remaining == null ? null : AmountFormat.format(remaining, lang);
        String text = switch (reason == null ? "" : reason) {
            case "LIMIT_PER_PAYMENT_EXCEEDED" -> lang == Lang.FR
                    ? "il dépasse le plafond par paiement"
                    : "it is over the per-payment limit";
            case "LIMIT_WINDOW_EXCEEDED" -> lang == Lang.FR
                    ? "il dépasse votre plafond d'envoi sur la période"
                            + (remainingText == null ? "" : " (il vous reste " + remainingText + ")")
                    : "it is over your sending limit for the period"
                            + (remainingText == null ? "" : " (" + remainingText + " left)");
            case "LIMIT_VELOCITY_EXCEEDED" -> lang == Lang.FR
                    ? "trop de paiements en peu de temps"
                    : "too many payments in a short time";
            case "CURRENCY_NOT_SUPPORTED" -> lang == Lang.FR
                    ? "cette devise n'est pas prise en charge"
                    : "this currency is not supported";
            default -> null;
        };
        return reasonClause(lang, text);
    }

    /** Why a payment failed at the card network, as a clause; empty for a reason code without a human text. */
    public static String failureClause(Lang lang, String reason) {
        String text = switch (reason == null ? "" : reason) {
            case "INSUFFICIENT_FUNDS" -> lang == Lang.FR ? "provision insuffisante" : "insufficient funds";
            case "CARD_DECLINED", "ISSUER_DECLINED" -> lang == Lang.FR
                    ? "votre banque a refusé la carte"
                    : "your bank declined the card";
            case "CARD_NETWORK_TIMEOUT", "NETWORK_TIMEOUT" -> lang == Lang.FR
                    ? "le réseau de cartes n'a pas répondu"
                    : "the card network did not answer";
            default -> null;
        };
        return reasonClause(lang, text);
    }

    private static String reasonClause(Lang lang, String text) {
        if (text == null) {
            return "";
        }
        return (lang == Lang.FR ? " : " : ": ") + text;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
