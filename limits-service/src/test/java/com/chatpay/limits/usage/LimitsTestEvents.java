package com.chatpay.limits.usage;

import com.chatpay.common.events.PaymentEvents.PaymentRequested;
import com.chatpay.common.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Helpers other test packages use to ask limits-service for a decision over Kafka. */
public final class LimitsTestEvents {

    private LimitsTestEvents() {
    }

    /** Requests a payment from a fresh payer of {@code country} and returns the decision's event type. */
    public static String decide(String country, long amount, String currency) {
        String payer = "decide-" + UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        LimitsFixtures.sendPaymentEvent(LimitsFixtures.envelope(new PaymentRequested(paymentId, payer, "payee", null,
                Money.of(amount, currency), country, Instant.now()), payer));
        return LimitsFixtures.decisionsFor(paymentId, 1).get(0).type();
    }
}
