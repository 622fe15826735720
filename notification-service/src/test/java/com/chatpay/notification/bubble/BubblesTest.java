package com.chatpay.notification.bubble;

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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BubblesTest {

    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Money TWENTY = Money.of(2000, "EUR");
    private static final Instant AT = Instant.parse("2026-11-26T21:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-11-26T21:00:01Z");

    @Test
    void shouldPostACompletedPaymentWithItsMessage() {
        assertThat(Bubbles.of(new PaymentCompleted(PAYMENT, "alice", "bob", "conv-1", TWENTY, "🍕", AT), EVENT_TIME))
                .contains(new Bubble("conv-1", PAYMENT, BubbleStatus.COMPLETED, TWENTY, "🍕", "alice", "bob", AT));
    }

    @Test
    void shouldPostAWaitingPaymentAtTheEventTime() {
        assertThat(Bubbles.of(new PaymentAwaitingPayee(PAYMENT, "alice", "bob", "conv-1", TWENTY, null,
                AT.plusSeconds(7 * 86_400)), EVENT_TIME))
                .contains(new Bubble("conv-1", PAYMENT, BubbleStatus.AWAITING_PAYEE, TWENTY, null, "alice", "bob",
                        EVENT_TIME));
    }

    @Test
    void shouldPostWhatBecomesOfAWaitingPayment() {
        assertThat(Bubbles.of(new PaymentExpired(PAYMENT, "a", "b", "c", TWENTY, AT), EVENT_TIME))
                .hasValueSatisfying(b -> assertThat(b.status()).isEqualTo(BubbleStatus.EXPIRED));
        assertThat(Bubbles.of(new PaymentCancelled(PAYMENT, "a", "b", "c", TWENTY, AT), EVENT_TIME))
                .hasValueSatisfying(b -> assertThat(b.status()).isEqualTo(BubbleStatus.CANCELLED));
        assertThat(Bubbles.of(new PaymentDeclined(PAYMENT, "a", "b", "c", TWENTY, AT), EVENT_TIME))
                .hasValueSatisfying(b -> assertThat(b.status()).isEqualTo(BubbleStatus.DECLINED));
    }

    @Test
    void shouldPostNothingForOtherStates() {
        assertThat(Bubbles.of(new PaymentRequested(PAYMENT, "a", "b", "c", TWENTY, "FR", AT), EVENT_TIME)).isEmpty();
        assertThat(Bubbles.of(new PaymentRejected(PAYMENT, "a", "b", "c", TWENTY, "X", null, AT), EVENT_TIME)).isEmpty();
        assertThat(Bubbles.of(new PaymentFailed(PAYMENT, "a", "b", "c", TWENTY, "X", AT), EVENT_TIME)).isEmpty();
        assertThat(Bubbles.of(new PaymentRefunded(PAYMENT, "a", "b", "c", TWENTY, "X", AT), EVENT_TIME)).isEmpty();
    }

    @Test
    void shouldPostNothingOutsideAConversation() {
        assertThat(Bubbles.of(new PaymentCompleted(PAYMENT, "a", "b", null, TWENTY, null, AT), EVENT_TIME)).isEmpty();
        assertThat(Bubbles.of(new PaymentCompleted(PAYMENT, "a", "b", " ", TWENTY, null, AT), EVENT_TIME)).isEmpty();
    }
}
