package com.chatpay.reliability.abuse;

import com.chatpay.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.load.Population;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.service.ChatpayService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §7 "PIN attempts limited" under a brute-force script: 20 wrong PINs sent at the same instant, through
 * both places a PIN is checked (payment confirmation and PIN change), count as at most 3 wrong attempts: the first
 * two are told how many remain, every other one is answered "locked", and once locked even the right PIN is refused.
 */
class PinBruteForceTest {

    private static final int ATTEMPTS = 20;
    private static final int MAX_WRONG_PINS = 3;

    @Test
    void shouldCountAtMostThreeWrongPinsAndLockWhenTwentyAreTriedAtOnce() {
        ChatpayApi api = ReliabilityStack.api();
        List<Person> people = Population.onboard(api, 2, 2, i -> Person.create(i == 0 ? "Brutus" : "Cassius"));
        Person victim = people.get(0);
        Person payee = people.get(1);

        List<Reply> replies = AtOnce.run(ATTEMPTS, i -> {
            String guess = wrongPin(victim, i);
            if (i % 2 == 0) {
                return api.authorizeAsync(victim, payee.userId(), 1_000, guess).join();
            }
            return api.put(ChatpayService.ONBOARDING, "/v1/me/pin").as(victim.userId())
                    .json(Map.of("pin", "5831", "currentPin", guess)).send();
        });

        List<Integer> remaining = replies.stream()
                .filter(r -> r.status() == 403 && "PIN_INVALID".equals(r.field("code")))
                .map(r -> r.json().path("attemptsRemaining").asInt(-1)).sorted().toList();
        long locked = AtOnce.count(replies, 423, "PAYMENTS_LOCKED");
        System.out.printf("abuse PIN: attempts=%d wrong-counted=%d locked=%d other=%d%n", ATTEMPTS,
                remaining.size() + 1, locked, ATTEMPTS - remaining.size() - locked);
        ReliabilityReport.add(ReliabilityReport.Row.input("abuse: 20 concurrent wrong PINs (3 counted)", ATTEMPTS,
                Math.max(0, remaining.size() + 1 - 3)));
        assertThat(remaining).as("the wrong PINs told how many attempts remain")
                .containsExactly(1, MAX_WRONG_PINS - 1);
        assertThat(locked).as("every other attempt is refused as locked (the third wrong PIN locks)")
                .isEqualTo(ATTEMPTS - remaining.size());
        assertThat(replies).allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));

        long counted = new ServiceDatabase(ReliabilityStack.get(), ChatpayService.ONBOARDING)
                .number("SELECT pin_failed_attempts FROM payment_profile WHERE user_id = ?", victim.userId());
        assertThat(counted).as("wrong PINs counted in the profile").isEqualTo(MAX_WRONG_PINS);
        Reply right = api.authorizeAsync(victim, payee.userId(), 1_000, victim.pin()).join();
        assertThat(right.status()).as("even the right PIN, once locked").isEqualTo(423);
        assertThat(api.get(ChatpayService.ONBOARDING, "/v1/me/onboarding").as(victim.userId()).send().expect(200)
                .field("status")).isEqualTo("LOCKED");
    }

    /** The i-th wrong guess: four digits, never the victim's PIN. */
    private static String wrongPin(Person victim, int i) {
        String guess = String.format(Locale.ROOT, "%04d", 1_000 + 373 * i);
        return guess.equals(victim.pin()) ? String.format(Locale.ROOT, "%04d", 9_000 + i) : guess;
    }
}
