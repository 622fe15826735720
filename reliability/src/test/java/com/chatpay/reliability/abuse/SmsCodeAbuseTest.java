package com.chatpay.reliability.abuse;

import com.chatpay.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.reliability.ReliabilityStack;
import com.chatpay.stack.service.ChatpayService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §7 "SMS code attempts limited" under concurrent abuse: 20 wrong codes entered at once count as at most 5
 * wrong entries, after which the code is dead (even the right one is refused); and 20 code requests at once send one
 * code, never more than 5 a day, the others answered 429 {@code SMS_RATE_LIMITED} with a {@code Retry-After}.
 *
 * <p>The resend cooldown (60 s) is stood in for by moving the user's earlier codes two minutes back in the
 * onboarding database, since the running service's clock cannot be moved; the daily window is left untouched.
 */
class SmsCodeAbuseTest {

    private static final int ATTEMPTS = 20;
    private static final int WRONG_CODES_PER_CODE = 5;
    private static final int CODES_PER_DAY = 5;
    private static final long COOLDOWN_SECONDS = 60;

    private final ChatpayApi api = ReliabilityStack.api();
    private final ServiceDatabase onboarding = new ServiceDatabase(ReliabilityStack.get(), ChatpayService.ONBOARDING);

    @Test
    void shouldCountAtMostFiveWrongCodesWhenTwentyAreEnteredAtOnce() {
        Person person = Person.create("Smsguess");
        upToSmsStep(person);
        api.post(ChatpayService.ONBOARDING, "/v1/me/activation/sms").as(person.userId()).send().expect(202);
        String code = api.awaitSmsCode(person, 0);

        List<Reply> replies = AtOnce.run(ATTEMPTS, i -> api.post(ChatpayService.ONBOARDING,
                "/v1/me/activation/verify").as(person.userId()).json(Map.of("code", wrongCode(code, i))).send());

        List<Integer> remaining = replies.stream()
                .filter(r -> r.status() == 400 && "SMS_CODE_INVALID".equals(r.field("code")))
                .map(r -> r.json().path("attemptsRemaining").asInt(-1)).sorted().toList();
        long exhausted = AtOnce.count(replies, 400, "SMS_CODE_EXHAUSTED");
        System.out.printf("abuse SMS code: attempts=%d wrong-counted=%d exhausted=%d other=%d%n", ATTEMPTS,
                remaining.size(), exhausted, ATTEMPTS - remaining.size() - exhausted);
        ReliabilityReport.add(ReliabilityReport.Row.input("abuse: 20 concurrent wrong SMS codes (5 counted)", ATTEMPTS,
                Math.max(0, remaining.size() - 5)));
        assertThat(remaining).as("each counted wrong code says how many remain").containsExactly(0, 1, 2, 3, 4);
        assertThat(exhausted).isEqualTo(ATTEMPTS - WRONG_CODES_PER_CODE);

        Reply right = api.post(ChatpayService.ONBOARDING, "/v1/me/activation/verify").as(person.userId())
                .json(Map.of("code", code)).send();
        assertThat(right.status()).isEqualTo(400);
        assertThat(right.field("code")).as("the right code, once the code is exhausted")
                .isEqualTo("SMS_CODE_EXHAUSTED");
        assertThat(onboardingStatus(person)).isEqualTo("SMS_VERIFICATION_REQUIRED");
        assertThat(onboarding.number("SELECT attempts FROM sms_challenge WHERE user_id = ?", person.userId()))
                .isEqualTo(WRONG_CODES_PER_CODE);
    }

    @Test
    void shouldSendOneCodePerRequestBurstAndAtMostFiveADay() {
        Person person = Person.create("Smsflood");
        upToSmsStep(person);
        for (int burst = 1; burst <= CODES_PER_DAY + 1; burst++) {
            List<Reply> replies = AtOnce.run(ATTEMPTS, i -> api.post(ChatpayService.ONBOARDING,
                    "/v1/me/activation/sms").as(person.userId()).send());
            long sent = AtOnce.count(replies, 202, null);
            List<Reply> limited = replies.stream()
                    .filter(r -> r.status() == 429 && "SMS_RATE_LIMITED".equals(r.field("code"))).toList();
            System.out.printf("abuse SMS requests burst %d: attempts=%d sent=%d rate-limited=%d%n", burst, ATTEMPTS,
                    sent, limited.size());
            ReliabilityReport.add(ReliabilityReport.Row.input("abuse: SMS code requests, burst " + burst
                    + " of the day (1 sent, none after 5)", ATTEMPTS, (int) Math.max(0, sent - (burst <= 5 ? 1 : 0))));
            assertThat(sent).as("codes sent by burst " + burst).isEqualTo(burst <= CODES_PER_DAY ? 1 : 0);
            assertThat(limited).as("the others are rate limited").hasSize(ATTEMPTS - (int) sent);
            for (Reply r : limited) {
                long retryAfter = Long.parseLong(r.header("Retry-After"));
                if (burst < CODES_PER_DAY) {
                    assertThat(retryAfter).as("the cooldown").isBetween(1L, COOLDOWN_SECONDS);
                } else {
                    // from the fifth code on, the daily limit: a slot frees when the oldest code is a day old
                    assertThat(retryAfter).as("the daily limit frees a slot in about a day")
                            .isGreaterThan(Duration.ofHours(23).toSeconds());
                }
            }
            // the cooldown passes: every code of this user was sent two more minutes ago
            onboarding.update("UPDATE sms_challenge SET created_at = created_at - interval '2 minutes' "
                    + "WHERE user_id = ?", person.userId());
        }
        assertThat(onboarding.number("SELECT count(*) FROM sms_challenge WHERE user_id = ?", person.userId()))
                .isEqualTo(CODES_PER_DAY);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.smsTexts(person.phoneNumber()).size() < CODES_PER_DAY && System.nanoTime() < deadline) {
            sleep(200);
        }
        sleep(1_000);
        assertThat(api.smsTexts(person.phoneNumber())).as("SMS delivered to the phone").hasSize(CODES_PER_DAY);
    }

    /** Profile, card and PIN: the person now waits for an SMS code. */
    private void upToSmsStep(Person person) {
        api.put(ChatpayService.ONBOARDING, "/v1/me/profile").as(person.userId()).json(Map.of(
                "firstName", person.firstName(), "lastName", "Martin",
                "address", Map.of("line1", "1 rue de Rivoli", "postalCode", "75001", "city", "Paris", "country", "FR"),
                "phoneNumber", person.phoneNumber())).send().expect(200);
        api.post(ChatpayService.ONBOARDING, "/v1/me/cards").as(person.userId()).json(Map.of("number", person.card(),
                "expiryMonth", 12, "expiryYear", 2030, "cvc", person.cvc())).send().expect(201);
        api.put(ChatpayService.ONBOARDING, "/v1/me/pin").as(person.userId()).json(Map.of("pin", person.pin()))
                .send().expect(200);
        assertThat(onboardingStatus(person)).isEqualTo("SMS_VERIFICATION_REQUIRED");
    }

    private String onboardingStatus(Person person) {
        return api.get(ChatpayService.ONBOARDING, "/v1/me/onboarding").as(person.userId()).send().expect(200)
                .field("status");
    }

    private static String wrongCode(String code, int i) {
        String guess = String.format(Locale.ROOT, "%06d", 100_000 + 7_919 * i);
        return guess.equals(code) ? String.format(Locale.ROOT, "%06d", 999_000 + i) : guess;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
