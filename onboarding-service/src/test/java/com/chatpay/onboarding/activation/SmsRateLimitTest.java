package com.chatpay.onboarding.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SmsRateLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final SmsRateLimit limit = new SmsRateLimit(Duration.ofSeconds(60), 5, Duration.ofHours(24));

    @Test
    void shouldAllowTheFirstCode() {
        assertThat(limit.waitBeforeNext(List.of(), NOW)).isEmpty();
    }

    @Test
    void shouldEnforceTheCooldownAfterTheLastCode() {
        assertThat(limit.waitBeforeNext(List.of(NOW.minusSeconds(20)), NOW)).contains(Duration.ofSeconds(40));
        assertThat(limit.waitBeforeNext(List.of(NOW.minusSeconds(60)), NOW)).isEmpty();
    }

    @Test
    void shouldCapCodesPerRollingDayUntilTheOldestLeavesTheWindow() {
        List<Instant> five = List.of(NOW.minusSeconds(61), NOW.minusSeconds(3600), NOW.minusSeconds(7200),
                NOW.minusSeconds(10800), NOW.minusSeconds(14400));
        assertThat(limit.waitBeforeNext(five, NOW))
                .contains(Duration.ofHours(24).minusSeconds(14400));
        assertThat(limit.waitBeforeNext(five.subList(0, 4), NOW)).isEmpty();
    }

    @Test
    void shouldRoundRetryAfterUp() {
        assertThat(SmsRateLimit.retryAfterSeconds(Duration.ofMillis(40_001))).isEqualTo(41);
        assertThat(SmsRateLimit.retryAfterSeconds(Duration.ofSeconds(40))).isEqualTo(40);
    }

    @Test
    void shouldGenerateSixDigitCodesAndMatchOnlyTheRightCodeOfTheRightChallenge() {
        SmsCodes codes = new SmsCodes(new byte[32], new SecureRandom());
        String code = codes.newCode();
        assertThat(code).matches("[0-9]{6}");
        UUID challenge = UUID.randomUUID();
        byte[] hash = codes.hash(challenge, code);
        assertThat(codes.matches(challenge, code, hash)).isTrue();
        String other = code.equals("000000") ? "000001" : "000000";
        assertThat(codes.matches(challenge, other, hash)).isFalse();
        assertThat(codes.matches(UUID.randomUUID(), code, hash)).isFalse();
        assertThat(new SmsCodes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, new SecureRandom()).matches(challenge, code, hash))
                .isFalse();
    }
}
