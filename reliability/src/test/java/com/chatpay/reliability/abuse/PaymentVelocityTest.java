package com.chatpay.reliability.abuse;

import com.chatpay.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.load.Population;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §6 "limits hold under concurrency": a payer who fires many payments at once (payment spam) never gets
 * more through than the window allows. The payments that fit the window complete, the others are rejected with
 * {@code LIMIT_WINDOW_EXCEEDED}, the limits API never shows used + reserved above the window, and the limits
 * database's reservations never held more than the window at any moment of their history.
 */
class PaymentVelocityTest {

    private static final int EXTRA_PAYMENTS = 5;

    @Test
    void shouldNeverLetConcurrentPaymentsPushTheWindowPastItsLimit() {
        ChatpayApi api = ReliabilityStack.api();
        JsonNode policy = api.get(ChatpayService.LIMITS, "/v1/ops/limit-policies/FR").asOps().send().expect(200)
                .json();
        long windowMax = policy.path("windowMax").path("value").asLong();
        long perPaymentMax = policy.path("perPaymentMax").path("value").asLong();
        long amount = Math.min(perPaymentMax, windowMax / 15);
        int fit = (int) (windowMax / amount);
        int attempts = fit + EXTRA_PAYMENTS;
        List<Person> people = Population.onboard(api, 2, 2, i -> Person.create(i == 0 ? "Spammer" : "Spamee"));
        Person payer = people.get(0);
        Person payee = people.get(1);
        List<String> tokens = AtOnce.run(attempts, i -> api.authorizeAsync(payer, payee.userId(), amount, payer.pin())
                .join().expect(201)).stream().map(r -> r.field("authorizationToken")).toList();

        List<Reply> replies = AtOnce.run(attempts, i -> api.payAsync(payer, payee.userId(), amount, tokens.get(i),
                UUID.randomUUID().toString(), 10).join());

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 202));
        List<JsonNode> outcomes = new ArrayList<>();
        for (Reply r : replies) {
            outcomes.add(awaitDecided(api, payer, r.field("paymentId")));
        }
        long completed = outcomes.stream().filter(p -> "COMPLETED".equals(p.path("status").asText())).count();
        long overWindow = outcomes.stream().filter(p -> "REJECTED".equals(p.path("status").asText())
                && "LIMIT_WINDOW_EXCEEDED".equals(p.path("reason").asText())).count();
        Reply limits = api.get(ChatpayService.LIMITS, "/v1/me/limits").as(payer.userId()).send().expect(200);
        long used = limits.json().path("used").path("value").asLong();
        long reserved = limits.json().path("reserved").path("value").asLong();
        long peak = peakHeld(payer);
        System.out.printf("abuse payment velocity: attempts=%d amount=%d window=%d completed=%d rejected-window=%d "
                + "used=%d reserved=%d peak-held=%d%n", attempts, amount, windowMax, completed, overWindow, used,
                reserved, peak);
        ReliabilityReport.add(ReliabilityReport.Row.input("abuse: concurrent payment spam against the 30-day window",
                attempts, peak > windowMax ? 1 : 0));

        assertThat(completed).as("payments that fit the window complete").isEqualTo(fit);
        assertThat(overWindow).as("the rest are rejected for the window").isEqualTo(attempts - fit);
        assertThat(used + reserved).isLessThanOrEqualTo(windowMax);
        assertThat(used).isEqualTo(completed * amount);
        assertThat(peak).as("held at any moment of the reservation history").isLessThanOrEqualTo(windowMax);
    }

    /** The payment once it left PENDING (it completes or is rejected within seconds). */
    private static JsonNode awaitDecided(ChatpayApi api, Person payer, String paymentId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode payment = api.payment(payer.userId(), paymentId).expect(200).json();
            String status = payment.path("status").asText();
            if (!status.equals("PENDING")) {
                return payment;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("payment " + paymentId + " still PENDING after 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The most the payer's reservations ever held at once: every reservation that was granted counts from its
     * decision until it was released (if it was), replayed in time order from the limits database.
     */
    private static long peakHeld(Person payer) {
        List<Object[]> rows = new ServiceDatabase(ReliabilityStack.get(), ChatpayService.LIMITS).rows(
                "SELECT amount, decided_at, released_at FROM reservation WHERE user_id = ? AND status <> 'REJECTED'",
                payer.userId());
        record Change(Instant at, long delta) {
        }
        List<Change> changes = new ArrayList<>();
        for (Object[] row : rows) {
            long amount = ((Number) row[0]).longValue();
            changes.add(new Change(instant(row[1]), amount));
            if (row[2] != null) {
                changes.add(new Change(instant(row[2]), -amount));
            }
        }
        // at equal times a release is applied before a reservation: the service decides under a lock, in order
        changes.sort(Comparator.comparing(Change::at).thenComparingLong(Change::delta));
        long held = 0;
        long peak = 0;
        for (Change c : changes) {
            held += c.delta();
            peak = Math.max(peak, held);
        }
        return peak;
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) timestamp).toInstant();
    }
}
