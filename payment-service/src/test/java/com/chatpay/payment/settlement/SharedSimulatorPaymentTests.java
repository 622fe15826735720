package com.chatpay.payment.settlement;

import static com.chatpay.payment.testing.PaymentFixtures.activate;
import static com.chatpay.payment.testing.PaymentFixtures.awaitStatus;
import static com.chatpay.payment.testing.PaymentFixtures.awaitingPayeeFor;
import static com.chatpay.payment.testing.PaymentFixtures.card;
import static com.chatpay.payment.testing.PaymentFixtures.completedPayment;
import static com.chatpay.payment.testing.PaymentFixtures.count;
import static com.chatpay.payment.testing.PaymentFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.payment.cardnetwork.CardNetwork;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork;
import com.chatpay.payment.cardnetwork.SimulatedCardNetwork.HoldState;
import com.chatpay.payment.testing.LedgerAssertions;
import com.chatpay.payment.testing.PaymentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * payment-service with its simulator remembering in the database, as the chart runs it with several replicas: the
 * settlement's calls go through the simulator's own pool from inside the settlement's reactive transaction and come
 * back on its context, payments complete, and the network's memory is the table's.
 */
@QuarkusTest
@TestProfile(SharedSimulatorPaymentTests.DatabaseSimulator.class)
class SharedSimulatorPaymentTests {

    public static class DatabaseSimulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chatpay.card-network.simulator-store", "database");
        }
    }

    private final String payer = newUser("payer");
    private final String payee = newUser("payee");

    @Inject
    CardNetwork network;

    @AfterEach
    void ledgerStaysConsistent() {
        LedgerAssertions.assertLedgerConsistent();
    }

    @Test
    void shouldCompleteAPaymentThroughTheNetworksTable() {
        String paymentId = completedPayment(payer, payee, 1800);

        assertThat(((SimulatedCardNetwork) network).holdState(paymentId)).contains(HoldState.CAPTURED);
        assertThat(count("SELECT count(*) FROM simulated_card_reference WHERE reference = ? AND hold = 'CAPTURED'"
                + " AND payout = 'PAID_OUT'", paymentId)).isEqualTo(1);
    }

    @Test
    void shouldPayOutAWaitingPaymentAgainstTheHoldTheTableKept() {
        String paymentId = awaitingPayeeFor(payer, payee, 900);
        assertThat(count("SELECT count(*) FROM simulated_card_reference WHERE reference = ? AND hold = 'HELD'",
                paymentId)).isEqualTo(1);

        activate(payee, card(PaymentFixtures.OK_CARD));

        awaitStatus(paymentId, payer, "COMPLETED");
    }
}
