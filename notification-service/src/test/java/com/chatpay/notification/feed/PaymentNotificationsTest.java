package com.chatpay.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import com.chatpay.notification.text.Lang;
import com.chatpay.notification.users.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentNotificationsTest {

    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Money TWENTY = Money.of(2000, "EUR");
    private static final Instant AT = Instant.parse("2026-11-26T21:00:00Z");

    private static final Person ALICE_FR = new Person("alice", "Alice", Lang.FR);
    private static final Person BOB_FR = new Person("bob", "Bob", Lang.FR);
    private static final Person ALICE_EN = new Person("alice", "Alice", Lang.EN);
    private static final Person BOB_EN = new Person("bob", "Bob", Lang.EN);

    @Test
    void shouldTellBothSidesOfACompletedPaymentInFrench() {
        assertThat(PaymentNotifications.plan(completed(), ALICE_FR, BOB_FR)).containsExactly(
                new NotificationDraft("alice", NotificationKind.PAYMENT_SENT, "Vous avez envoyé 20,00 € à Bob"),
                new NotificationDraft("bob", NotificationKind.PAYMENT_RECEIVED, "Alice vous a envoyé 20,00 € 🎉"));
    }

    @Test
    void shouldTellBothSidesOfACompletedPaymentInEnglish() {
        assertThat(PaymentNotifications.plan(completed(), ALICE_EN, BOB_EN)).containsExactly(
                new NotificationDraft("alice", NotificationKind.PAYMENT_SENT, "You sent €20.00 to Bob"),
                new NotificationDraft("bob", NotificationKind.PAYMENT_RECEIVED, "Alice sent you €20.00 🎉"));
    }

    @Test
    void shouldWriteEachSideInItsOwnLanguage() {
        assertThat(texts(PaymentNotifications.plan(completed(), ALICE_FR, BOB_EN)))
                .containsExactly("Vous avez envoyé 20,00 € à Bob", "Alice sent you €20.00 🎉");
    }

    @Test
    void shouldFallBackToNeutralWordingForUnknownNames() {
        Person payer = Person.unknown("alice");
        Person payee = Person.unknown("bob");
        assertThat(texts(PaymentNotifications.plan(completed(), payer, payee)))
                .containsExactly("Vous avez envoyé 20,00 € à votre contact", "Un contact vous a envoyé 20,00 € 🎉");
        assertThat(texts(PaymentNotifications.plan(completed(), new Person("alice", null, Lang.EN),
                new Person("bob", " ", Lang.EN))))
                .containsExactly("You sent €20.00 to your contact", "A contact sent you €20.00 🎉");
    }

    @Test
    void shouldAskTheWaitingPayeeToAddACard() {
        PaymentAwaitingPayee awaiting = new PaymentAwaitingPayee(PAYMENT, "alice", "bob", null, TWENTY, null,
                AT.plusSeconds(7 * 86_400));
        assertThat(PaymentNotifications.plan(awaiting, ALICE_FR, BOB_FR)).containsExactly(
                new NotificationDraft("bob", NotificationKind.MONEY_WAITING,
                        "Alice vous a envoyé 20,00 €. Ajoutez une carte pour les recevoir."),
                new NotificationDraft("alice", NotificationKind.PAYMENT_AWAITING_PAYEE,
                        "Votre paiement de 20,00 € à Bob est en attente : Bob doit ajouter une carte pour le recevoir."));
        assertThat(texts(PaymentNotifications.plan(awaiting, ALICE_EN, BOB_EN))).containsExactly(
                "Alice sent you €20.00. Add a card to receive it.",
                "Your €20.00 payment to Bob is waiting: Bob needs to add a card to receive it.");
    }

    @Test
    void shouldTellOnlyThePayerWhyAPaymentWasRejected() {
        PaymentRejected perPayment = new PaymentRejected(PAYMENT, "alice", "bob", null, Money.of(60_000, "EUR"),
                "LIMIT_PER_PAYMENT_EXCEEDED", null, AT);
        assertThat(PaymentNotifications.plan(perPayment, ALICE_FR, BOB_FR)).containsExactly(
                new NotificationDraft("alice", NotificationKind.PAYMENT_REJECTED,
                        "Votre paiement de 600,00 € à Bob a été refusé : il dépasse le plafond par paiement."));
        assertThat(texts(PaymentNotifications.plan(perPayment, ALICE_EN, BOB_EN))).containsExactly(
                "Your €600.00 payment to Bob was refused: it is over the per-payment limit.");
    }

    @Test
    void shouldTellTheHeadroomLeftWhenTheWindowIsExceeded() {
        PaymentRejected window = new PaymentRejected(PAYMENT, "alice", "bob", null, Money.of(30_000, "EUR"),
                "LIMIT_WINDOW_EXCEEDED", Money.of(12_550, "EUR"), AT);
        assertThat(texts(PaymentNotifications.plan(window, ALICE_FR, BOB_FR))).containsExactly(
                "Votre paiement de 300,00 € à Bob a été refusé : il dépasse votre plafond d'envoi sur la période "
                        + "(il vous reste 125,50 €).");
        assertThat(texts(PaymentNotifications.plan(window, ALICE_EN, BOB_EN))).containsExactly(
                "Your €300.00 payment to Bob was refused: it is over your sending limit for the period (€125.50 left).");
        PaymentRejected noHeadroom = new PaymentRejected(PAYMENT, "alice", "bob", null, Money.of(30_000, "EUR"),
                "LIMIT_WINDOW_EXCEEDED", null, AT);
        assertThat(texts(PaymentNotifications.plan(noHeadroom, ALICE_EN, BOB_EN))).containsExactly(
                "Your €300.00 payment to Bob was refused: it is over your sending limit for the period.");
    }

    @Test
    void shouldRejectWithoutAReasonWhenTheCodeHasNoText() {
        PaymentRejected other = new PaymentRejected(PAYMENT, "alice", "bob", null, TWENTY, "SOMETHING_NEW", null, AT);
        assertThat(texts(PaymentNotifications.plan(other, ALICE_EN, BOB_EN)))
                .containsExactly("Your €20.00 payment to Bob was refused.");
    }

    @Test
    void shouldTellOnlyThePayerOfAFailure() {
        PaymentFailed failed = new PaymentFailed(PAYMENT, "alice", "bob", null, TWENTY, "INSUFFICIENT_FUNDS", AT);
        assertThat(PaymentNotifications.plan(failed, ALICE_FR, BOB_FR)).containsExactly(
                new NotificationDraft("alice", NotificationKind.PAYMENT_FAILED,
                        "Votre paiement de 20,00 € à Bob n'a pas abouti : provision insuffisante. "
                                + "Aucun montant n'a été débité."));
    }

    @Test
    void shouldTellBothSidesOfRefundsExpiriesCancellationsAndDeclines() {
        assertThat(PaymentNotifications.plan(new PaymentRefunded(PAYMENT, "alice", "bob", null, TWENTY, "DISPUTE", AT),
                ALICE_FR, BOB_EN)).containsExactly(
                new NotificationDraft("alice", NotificationKind.PAYMENT_REFUNDED,
                        "Votre paiement de 20,00 € à Bob vous a été remboursé."),
                new NotificationDraft("bob", NotificationKind.PAYMENT_REFUNDED,
                        "The €20.00 payment from Alice was refunded."));
        assertThat(texts(PaymentNotifications.plan(new PaymentExpired(PAYMENT, "alice", "bob", null, TWENTY, AT),
                ALICE_EN, BOB_FR))).containsExactly("Your €20.00 payment to Bob expired: you were not charged.",
                "Le paiement de 20,00 € envoyé par Alice a expiré.");
        assertThat(texts(PaymentNotifications.plan(new PaymentCancelled(PAYMENT, "alice", "bob", null, TWENTY, AT),
                ALICE_FR, BOB_FR))).containsExactly("Vous avez annulé votre paiement de 20,00 € à Bob.",
                "Alice a annulé son paiement de 20,00 €.");
        assertThat(texts(PaymentNotifications.plan(new PaymentDeclined(PAYMENT, "alice", "bob", null, TWENTY, AT),
                ALICE_EN, BOB_EN))).containsExactly("Bob declined your €20.00 payment: you were not charged.",
                "You declined the €20.00 payment from Alice.");
    }

    @Test
    void shouldTellNobodyOfARequestedPayment() {
        assertThat(PaymentNotifications.plan(new PaymentRequested(PAYMENT, "alice", "bob", null, TWENTY, "FR", AT),
                ALICE_FR, BOB_FR)).isEmpty();
    }

    private static PaymentCompleted completed() {
        return new PaymentCompleted(PAYMENT, "alice", "bob", "conv", TWENTY, null, AT);
    }

    private static List<String> texts(List<NotificationDraft> drafts) {
        return drafts.stream().map(NotificationDraft::text).toList();
    }
}
