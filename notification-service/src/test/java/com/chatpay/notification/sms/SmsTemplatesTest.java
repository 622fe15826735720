package com.chatpay.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatpay.notification.text.Lang;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T21:00:00Z");

    @Test
    void shouldWriteTheCodeMessageInFrench() {
        assertThat(SmsTemplates.codeMessage(Lang.FR, "123456", NOW.plus(Duration.ofMinutes(10)), NOW))
                .contains("Votre code chatpay : 123456. Il expire dans 10 minutes.");
    }

    @Test
    void shouldWriteTheCodeMessageInEnglish() {
        assertThat(SmsTemplates.codeMessage(Lang.EN, "123456", NOW.plus(Duration.ofMinutes(10)), NOW))
                .contains("Your chatpay code: 123456. It expires in 10 minutes.");
    }

    @Test
    void shouldRoundTheMinutesLeftToTheNearestMinute() {
        assertThat(SmsTemplates.codeMessage(Lang.EN, "1", NOW.plusSeconds(9 * 60 + 31), NOW))
                .contains("Your chatpay code: 1. It expires in 10 minutes.");
        assertThat(SmsTemplates.codeMessage(Lang.EN, "1", NOW.plusSeconds(9 * 60 + 29), NOW))
                .contains("Your chatpay code: 1. It expires in 9 minutes.");
    }

    @Test
    void shouldUseTheSingularForOneMinute() {
        assertThat(SmsTemplates.codeMessage(Lang.FR, "654321", NOW.plusSeconds(70), NOW))
                .contains("Votre code chatpay : 654321. Il expire dans 1 minute.");
        assertThat(SmsTemplates.codeMessage(Lang.EN, "654321", NOW.plusSeconds(50), NOW))
                .contains("Your chatpay code: 654321. It expires in 1 minute.");
    }

    @Test
    void shouldNotWriteACodeThatExpiresBeforeItCanBeTyped() {
        assertThat(SmsTemplates.codeMessage(Lang.FR, "123456", NOW.plusSeconds(29), NOW)).isEmpty();
        assertThat(SmsTemplates.codeMessage(Lang.FR, "123456", NOW.minusSeconds(60), NOW)).isEmpty();
    }
}
