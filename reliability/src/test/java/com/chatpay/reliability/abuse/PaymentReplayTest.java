package com.chatpay.reliability.abuse;

import com.chatpay.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.load.Population;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.service.ChatpayService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DESIGN.md §3/§7 "single use" authorizations and §4 Idempotency-Key semantics under concurrent abuse: one
 * authorization replayed 20 times at once pays once; the same Idempotency-Key used by two people makes two
 * independent payments; 20 simultaneous retries of one request make one payment; the same key with another body is
 * refused with 422 and does not consume the other body's authorization.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentReplayTest {

    private static final int ATTEMPTS = 20;
    private static final long AMOUNT = 1_200;

    private ChatpayApi api;
    private ServiceDatabase payments;
    private List<Person> people;

    @BeforeAll
    void arrange() {
        api = ReliabilityStack.api();
        payments = new ServiceDatabase(ReliabilityStack.get(), ChatpayService.PAYMENT);
        people = Population.onboard(api, 5, 3,
                i -> Person.create(List.of("Replaya", "Replayb", "Replayc", "Replayd", "Replaye").get(i)));
    }

    @Test
    void shouldPayExactlyOnceWhenOneAuthorizationIsReplayedTwentyTimesAtOnce() {
        Person payer = people.get(0);
        Person payee = people.get(4);
        String token = api.authorize(payer, payee, AMOUNT);
        String conversation = "conv-" + UUID.randomUUID();

        List<Reply> replies = AtOnce.run(ATTEMPTS, i -> pay(payer, payee, AMOUNT, token, UUID.randomUUID().toString(),
                conversation));

        long accepted = AtOnce.count(replies, 202, null);
        long replayed = AtOnce.count(replies, 409, "AUTHORIZATION_ALREADY_USED");
        System.out.printf("abuse authorization replay: attempts=%d paid=%d refused-409=%d other=%d%n", ATTEMPTS,
                accepted, replayed, ATTEMPTS - accepted - replayed);
        ReliabilityReport.add(ReliabilityReport.Row.input("abuse: one authorization replayed 20 times at once",
                ATTEMPTS, (int) Math.max(0, accepted - 1)));
        assertThat(accepted).isEqualTo(1);
        assertThat(replayed).isEqualTo(ATTEMPTS - 1);
        assertThat(paymentsOf(payer)).isEqualTo(1);
    }

    @Test
    void shouldKeepTwoPeoplesPaymentsApartWhenTheyUseTheSameIdempotencyKey() {
        Person first = people.get(1);
        Person second = people.get(2);
        Person payee = people.get(4);
        String tokenOfFirst = api.authorize(first, payee, AMOUNT);
        String tokenOfSecond = api.authorize(second, payee, AMOUNT);
        String key = "shared-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();

        List<Reply> replies = AtOnce.run(2, i -> i == 0
                ? pay(first, payee, AMOUNT, tokenOfFirst, key, conversation)
                : pay(second, payee, AMOUNT, tokenOfSecond, key, conversation));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(202));
        String paymentOfFirst = replies.get(0).field("paymentId");
        String paymentOfSecond = replies.get(1).field("paymentId");
        assertThat(paymentOfFirst).isNotEqualTo(paymentOfSecond);
        assertThat(api.payment(first.userId(), paymentOfFirst).expect(200).field("payerId")).isEqualTo(first.userId());
        assertThat(api.payment(second.userId(), paymentOfSecond).expect(200).field("payerId"))
                .isEqualTo(second.userId());
        assertThat(api.payment(second.userId(), paymentOfFirst).status()).as("not the other's").isEqualTo(404);
        assertThat(api.payment(first.userId(), paymentOfSecond).status()).as("not the other's").isEqualTo(404);
    }

    @Test
    void shouldMakeOnePaymentOfTwentySimultaneousRetriesOfOneRequest() {
        Person payer = people.get(3);
        Person payee = people.get(4);
        String token = api.authorize(payer, payee, AMOUNT);
        String key = UUID.randomUUID().toString();
        String conversation = "conv-" + UUID.randomUUID();
        long before = paymentsOf(payer);

        List<Reply> replies = AtOnce.run(ATTEMPTS, i -> pay(payer, payee, AMOUNT, token, key, conversation));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(202));
        Set<String> ids = replies.stream().map(r -> r.field("paymentId")).collect(Collectors.toSet());
        System.out.printf("abuse idempotent retries: attempts=%d answers=%d distinct-payments=%d%n", ATTEMPTS,
                replies.size(), ids.size());
        ReliabilityReport.add(ReliabilityReport.Row.input("abuse: one Idempotency-Key retried 20 times at once",
                ATTEMPTS, Math.max(0, ids.size() - 1)));
        assertThat(ids).hasSize(1);
        assertThat(paymentsOf(payer) - before).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWithoutUsingItsAuthorization() {
        Person payer = people.get(3);
        Person payee = people.get(4);
        String key = UUID.randomUUID().toString();
        String conversation = "conv-" + UUID.randomUUID();
        String tokenX = api.authorize(payer, payee, AMOUNT);
        String tokenY = api.authorize(payer, payee, AMOUNT + 1);
        long before = paymentsOf(payer);

        // ten clients send body X and ten body Y under one key, at once: one payment, the other body refused
        List<Reply> replies = AtOnce.run(ATTEMPTS, i -> i % 2 == 0
                ? pay(payer, payee, AMOUNT, tokenX, key, conversation)
                : pay(payer, payee, AMOUNT + 1, tokenY, key, conversation));

        List<Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
        long reused = AtOnce.count(replies, 422, "IDEMPOTENCY_KEY_REUSED");
        System.out.printf("abuse idempotency key with two bodies: attempts=%d accepted=%d refused-422=%d other=%d%n",
                ATTEMPTS, accepted.size(), reused, ATTEMPTS - accepted.size() - reused);
        assertThat(accepted.size() + reused).isEqualTo(ATTEMPTS);
        assertThat(accepted.stream().map(r -> r.field("paymentId")).distinct()).hasSize(1);
        assertThat(accepted).hasSize(ATTEMPTS / 2);
        assertThat(paymentsOf(payer) - before).isEqualTo(1);

        long winner = accepted.get(0).json().path("amount").path("value").asLong();
        String unused = winner == AMOUNT ? tokenY : tokenX;
        Reply later = pay(payer, payee, winner == AMOUNT ? AMOUNT + 1 : AMOUNT, unused, UUID.randomUUID().toString(),
                conversation);
        assertThat(later.status()).as("the refused body's authorization is still unused: " + later.text())
                .isEqualTo(202);
    }

    private Reply pay(Person payer, Person payee, long amount, String token, String key, String conversation) {
        return api.post(ChatpayService.PAYMENT, "/v1/payments").as(payer.userId()).header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .json(Map.of("payeeId", payee.userId(), "conversationId", conversation,
                        "amount", ChatpayApi.amount(amount), "authorizationToken", token))
                .send();
    }

    private long paymentsOf(Person payer) {
        return payments.number("SELECT count(*) FROM payment WHERE payer_id = ?", payer.userId());
    }
}
