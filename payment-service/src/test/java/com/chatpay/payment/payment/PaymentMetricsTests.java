package com.chatpay.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.common.events.Topics;
import com.chatpay.payment.testing.MetersAtStart;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counters the chart's alerts read with {@code increase()} exist from the start, at 0. */
@QuarkusTest
class PaymentMetricsTests {

    @Test
    void shouldRegisterTheAlertedCountersWhenTheServiceStarts() {
        assertThat(MetersAtStart.names()).contains("chatpay_settlement_takeovers_total",
                "chatpay_payment_reconciliation_needed_total", "chatpay_payment_reconciliation_open");
    }

    @Test
    void shouldCountDeadLettersOfEveryConsumerFromZero() {
        for (String consumer : List.of(Topics.Groups.PAYMENT_LIMITS, Topics.Groups.PAYMENT_USERS)) {
            assertThat(MetersAtStart.has("chatpay_events_consumed_total",
                    Map.of("consumer", consumer, "outcome", "malformed"))).as(consumer).isTrue();
        }
    }
}
