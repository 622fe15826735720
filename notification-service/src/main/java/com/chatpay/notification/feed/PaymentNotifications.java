package com.chatpay.notification.feed;

import com.chatpay.common.events.PaymentEvents.PaymentAwaitingPayee;
import com.chatpay.common.events.PaymentEvents.PaymentCancelled;
import com.chatpay.common.events.PaymentEvents.PaymentCompleted;
import com.chatpay.common.events.PaymentEvents.PaymentDeclined;
import com.chatpay.common.events.PaymentEvents.PaymentEvent;
import com.chatpay.common.events.PaymentEvents.PaymentExpired;
import com.chatpay.common.events.PaymentEvents.PaymentFailed;
import com.chatpay.common.events.PaymentEvents.PaymentRefunded;
import com.chatpay.common.events.PaymentEvents.PaymentRejected;
import com.chatpay.notification.feed.NotificationTexts.Side;
import com.chatpay.notification.users.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is told what about a payment event: the rules of the in-app feed, in plain Java.
 * <ul>
 *   <li>PaymentCompleted → payer (sent) and payee (received);</li>
 *   <li>PaymentAwaitingPayee → payee (money waiting, add a card) and payer (waiting for the payee);</li>
 *   <li>PaymentRejected, PaymentFailed → payer only, with the reason;</li>
 *   <li>PaymentRefunded, PaymentExpired, PaymentCancelled, PaymentDeclined → both;</li>
 *   <li>anything else (PaymentRequested) → nobody.</li>
 * </ul>
 */
public final class PaymentNotifications {

    private PaymentNotifications() {
    }

    public static List<NotificationDraft> plan(PaymentEvent event, Person payer, Person payee) {
        List<NotificationDraft> drafts = new ArrayList<>(2);
        if (event instanceof PaymentCompleted) {
            drafts.add(forPayer(event, NotificationKind.PAYMENT_SENT, payer, payee, ""));
            drafts.add(forPayee(event, NotificationKind.PAYMENT_RECEIVED, payer, payee));
        } else if (event instanceof PaymentAwaitingPayee) {
            drafts.add(forPayee(event, NotificationKind.MONEY_WAITING, payer, payee));
            drafts.add(forPayer(event, NotificationKind.PAYMENT_AWAITING_PAYEE, payer, payee, ""));
        } else if (event instanceof PaymentRejected rejected) {
            drafts.add(forPayer(event, NotificationKind.PAYMENT_REJECTED, payer, payee,
                    NotificationTexts.rejectionClause(payer.lang(), rejected.reason(), rejected.remaining())));
        } else if (event instanceof PaymentFailed failed) {
            drafts.add(forPayer(event, NotificationKind.PAYMENT_FAILED, payer, payee,
                    NotificationTexts.failureClause(payer.lang(), failed.reason())));
        } else if (event instanceof PaymentRefunded) {
            both(drafts, event, NotificationKind.PAYMENT_REFUNDED, payer, payee);
        } else if (event instanceof PaymentExpired) {
            both(drafts, event, NotificationKind.PAYMENT_EXPIRED, payer, payee);
        } else if (event instanceof PaymentCancelled) {
            both(drafts, event, NotificationKind.PAYMENT_CANCELLED, payer, payee);
        } else if (event instanceof PaymentDeclined) {
            both(drafts, event, NotificationKind.PAYMENT_DECLINED, payer, payee);
        }
        return drafts;
    }

    private static void both(List<NotificationDraft> drafts, PaymentEvent event, NotificationKind kind, Person payer,
            Person payee) {
        drafts.add(forPayer(event, kind, payer, payee, ""));
        drafts.add(forPayee(event, kind, payer, payee));
    }

    private static NotificationDraft forPayer(PaymentEvent event, NotificationKind kind, Person payer, Person payee,
            String reason) {
        return new NotificationDraft(event.payerId(), kind,
                NotificationTexts.render(kind, Side.PAYER, payer.lang(), event.amount(), payer, payee, reason));
    }

    private static NotificationDraft forPayee(PaymentEvent event, NotificationKind kind, Person payer, Person payee) {
        return new NotificationDraft(event.payeeId(), kind,
                NotificationTexts.render(kind, Side.PAYEE, payee.lang(), event.amount(), payer, payee, ""));
    }
}
